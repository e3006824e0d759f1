//! How the window draws on Linux: on the CPU, without OpenGL.
//!
//! With OpenGL (WebKitGTK's default), on machines without a GPU driver (virtual machines,
//! remote desktops, Xvfb) Mesa's software renderer drew the page, and WebKit's web process
//! held 80–90 MB more after the sign-in for no faster start (docs/PERFORMANCE.md, "The
//! app"). Forms and lists draw fast enough without it.
//!
//! A variable already set wins: `GDK_GL= WEBKIT_DISABLE_COMPOSITING_MODE=0 helpdesk-desktop`
//! brings OpenGL back.

/// The variables that turn OpenGL off, in GTK (`GDK_GL`) and in WebKit's compositing.
#[cfg(target_os = "linux")]
const SOFTWARE_RENDERING: [(&str, &str); 2] = [
    ("GDK_GL", "disable"),
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
];

/// Sets [`SOFTWARE_RENDERING`] where the environment does not say otherwise. Called first
/// thing, before any thread starts (the environment is not safe to change later) and before
/// GTK and WebKit read it; WebKit's processes inherit it.
pub fn prefer_software() {
    #[cfg(target_os = "linux")]
    for (name, value) in SOFTWARE_RENDERING {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}
