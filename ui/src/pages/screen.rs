//! What the home page shows under its header: one [`Screen`], moved by [`Navigate`] (the
//! header's buttons, a ticket opened, "Voltar"). No DOM and no IPC.
use std::rc::Rc;

use helpdesk_api::{SavedDraft, TicketSummary, Uuid};
use yew::Reducible;

use super::work_orders::AgendaFocus;

/// An administrator's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminScreen {
    /// "Scripts".
    Scripts,
    /// "E-mail": the templates and the SMTP settings.
    Email,
    /// "Sincronização".
    Sync,
    /// "Usuários".
    Users,
    /// "Cadastros": every catalog the wizard chooses from.
    Catalogs,
    /// "Provedor": the provider's name and the idle time.
    Provider,
    /// "Importar clientes": a provider's base from CSV files, and "Exportar clientes".
    Imports,
    /// "Caixas de correio": the support mailboxes read for online-support messages.
    Mailboxes,
    /// "Integrações": the keys of the provider's site or app.
    Integrations,
    /// "Expediente e feriados": the business hours and holidays the SLAs count in.
    BusinessHours,
    /// "Cópia de segurança": this desktop's backups and restores.
    Backup,
}

/// What the home page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The start panel: the draft left from before, "Novo Atendimento", "Consultar protocolo".
    Start,
    /// The wizard, continuing the draft given (or a new ticket).
    Wizard(Option<Box<SavedDraft>>),
    /// "Atendimentos".
    Tickets,
    /// A ticket's page; "Voltar" goes to the screen given.
    Ticket(Box<TicketSummary>, Box<Screen>),
    /// "Minhas Tarefas".
    Tasks,
    /// "Agenda Técnica".
    Agenda,
    /// "Ordens de Serviço".
    WorkOrders,
    /// "Ver na agenda" from "Ordens de Serviço": the agenda on a visit's day and team;
    /// "Voltar" goes back to the list.
    AgendaAt(AgendaFocus),
    /// "Clientes": the search, and "Novo cliente".
    Customers,
    /// A customer's page; "Voltar" goes to "Clientes".
    Customer(Uuid),
    /// "Relatórios".
    Reports,
    /// "Sobre": the version, the database, "Exportar diagnóstico".
    About,
    /// An administrator's screen, opened over the screen given, where "Voltar" goes.
    Admin(AdminScreen, Box<Screen>),
}

/// A move between screens.
#[derive(Debug, Clone, PartialEq)]
pub enum Navigate {
    /// To a screen of the header or of the start panel.
    To(Screen),
    /// To an administrator's screen, over the one shown.
    Admin(AdminScreen),
    /// To a ticket's page, from the screen shown.
    OpenTicket(Box<TicketSummary>),
    /// "Voltar" (or the wizard closed).
    Back,
}

impl Screen {
    /// The header offers its pages ("Atendimentos", …, "Sincronização"): not over the wizard
    /// nor over an administrator's screen.
    pub fn offers_navigation(&self) -> bool {
        !matches!(self, Self::Wizard(_) | Self::Admin(..))
    }

    /// The start panel's draft is looked for: whenever the wizard is not open.
    pub fn wants_draft(&self) -> bool {
        !matches!(self, Self::Wizard(_))
    }

    /// Where "Voltar" goes.
    fn back(&self) -> Self {
        match self {
            Self::Ticket(_, back) | Self::Admin(_, back) => (**back).clone(),
            Self::Customer(_) => Self::Customers,
            Self::AgendaAt(_) => Self::WorkOrders,
            _ => Self::Start,
        }
    }
}

impl Reducible for Screen {
    type Action = Navigate;

    fn reduce(self: Rc<Self>, action: Navigate) -> Rc<Self> {
        Rc::new(match action {
            Navigate::To(screen) => screen,
            Navigate::Admin(admin) => Self::Admin(admin, Box::new((*self).clone())),
            // A ticket opened from a ticket's page goes back where that page did.
            Navigate::OpenTicket(ticket) => match &*self {
                Self::Ticket(_, back) => Self::Ticket(ticket, back.clone()),
                other => Self::Ticket(ticket, Box::new(other.clone())),
            },
            Navigate::Back => self.back(),
        })
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::{TicketStatus, Uuid};

    use super::*;

    fn after(from: Screen, moves: Vec<Navigate>) -> Screen {
        let end = moves
            .into_iter()
            .fold(Rc::new(from), |screen, action| screen.reduce(action));
        (*end).clone()
    }

    fn ticket() -> Box<TicketSummary> {
        Box::new(TicketSummary {
            id: Uuid::from_u128(1),
            protocol: "260101-001-00001".parse().expect("a protocol"),
            status: TicketStatus::Open,
            customer_id: Uuid::from_u128(2),
            customer_code: "42".into(),
            customer_name: "Maria".into(),
            ticket_type_id: None,
            ticket_type_name: None,
            assignee: None,
            origin: helpdesk_core::wizard::Origin::Phone,
            opened_by: Uuid::from_u128(3),
            opened_at: 0,
            due_at: None,
            resolved_at: None,
        })
    }

    #[test]
    fn voltar_leaves_a_ticket_for_where_it_was_opened() {
        let from_tasks = after(Screen::Tasks, vec![Navigate::OpenTicket(ticket())]);
        assert_eq!(
            from_tasks,
            Screen::Ticket(ticket(), Box::new(Screen::Tasks))
        );
        assert_eq!(after(from_tasks, vec![Navigate::Back]), Screen::Tasks);

        let from_list = after(
            Screen::Tickets,
            vec![
                Navigate::OpenTicket(ticket()),
                Navigate::OpenTicket(ticket()),
            ],
        );
        assert_eq!(after(from_list, vec![Navigate::Back]), Screen::Tickets);
        assert_eq!(
            after(Screen::Tasks, vec![Navigate::Back]),
            Screen::Start,
            "the pages go back to the start panel"
        );
    }

    #[test]
    fn an_administrator_s_screen_goes_back_to_the_page_under_it() {
        let over = after(Screen::Tickets, vec![Navigate::Admin(AdminScreen::Scripts)]);
        assert!(!over.offers_navigation());
        assert!(over.wants_draft());
        assert_eq!(after(over, vec![Navigate::Back]), Screen::Tickets);
    }

    #[test]
    fn the_administration_screens_open_over_the_page_and_go_back_to_it() {
        for admin in [
            AdminScreen::Users,
            AdminScreen::Catalogs,
            AdminScreen::Provider,
            AdminScreen::Mailboxes,
            AdminScreen::Integrations,
            AdminScreen::BusinessHours,
            AdminScreen::Backup,
        ] {
            let over = after(Screen::Agenda, vec![Navigate::Admin(admin)]);
            assert_eq!(over, Screen::Admin(admin, Box::new(Screen::Agenda)));
            assert!(!over.offers_navigation());
            assert_eq!(after(over, vec![Navigate::Back]), Screen::Agenda);
        }
        let start = after(Screen::Start, vec![Navigate::To(Screen::Tasks)]);
        let users = after(start, vec![Navigate::Admin(AdminScreen::Users)]);
        assert_eq!(after(users, vec![Navigate::Back]), Screen::Tasks);
    }

    #[test]
    fn a_customer_s_page_goes_back_to_clientes_and_its_tickets_back_to_it() {
        let page = after(
            Screen::Start,
            vec![
                Navigate::To(Screen::Customers),
                Navigate::To(Screen::Customer(Uuid::from_u128(2))),
            ],
        );
        assert!(page.offers_navigation());
        let ticket = after(page.clone(), vec![Navigate::OpenTicket(ticket())]);
        assert_eq!(after(ticket, vec![Navigate::Back]), page);
        assert_eq!(after(page, vec![Navigate::Back]), Screen::Customers);
    }

    #[test]
    fn sobre_is_a_page_of_the_header_that_goes_back_to_the_start() {
        let about = after(Screen::Tickets, vec![Navigate::To(Screen::About)]);
        assert_eq!(about, Screen::About);
        assert!(about.offers_navigation() && about.wants_draft());
        assert_eq!(after(about, vec![Navigate::Back]), Screen::Start);
    }

    #[test]
    fn the_wizard_hides_the_pages_and_the_draft_and_closes_to_the_start() {
        let wizard = after(Screen::Start, vec![Navigate::To(Screen::Wizard(None))]);
        assert!(!wizard.offers_navigation());
        assert!(!wizard.wants_draft());
        let closed = after(wizard, vec![Navigate::Back]);
        assert_eq!(closed, Screen::Start);
        assert!(closed.offers_navigation() && closed.wants_draft());
    }
}
