//! The "Agenda Técnica": a technicians' calendar built natively in Yew, with
//! FullCalendar's interaction model — select a slot, drag a visit to move it, drag its edge
//! to resize it, 15-minute snapping, a warning before a clash, every change saved at once
//! and undoable, and all of it with the keyboard too. The maths is in
//! `helpdesk_core::agenda`; here are the state, the views and the pointer.
mod clash_dialog;
mod component;
mod css;
mod grid_keys;
mod grid_pointer;
mod items;
mod keys;
mod loaders;
mod month_drag;
mod month_view;
mod pointer;
mod save;
mod selection_bar;
mod state;
mod technician_filters;
mod time_grid;
mod toolbar;
mod visit_block;
mod visit_element;
mod visit_keys;

pub use component::Agenda;
