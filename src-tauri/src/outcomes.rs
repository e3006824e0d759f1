//! The outcomes of the store (and of the sync client's registration) as the commands'
//! replies: the value, or the refusal told to the operator (pt-BR, at its field when it
//! has one). Every mapping is here, so a command only decodes, delegates and maps.
//! (`helpdesk_api` cannot hold them as `From` impls: the UI compiles it to wasm, without
//! the store.)
use helpdesk_api::{
    CatalogEntry, CatalogKind, CommandError, EmailTemplate, ErrorCode, Holiday, Operator,
    PublishedScript, RegistrationForm, SavedTicket, TaskSummary, TicketState, UserAccount, Uuid,
    Visit, WorkOrderLine,
};
use helpdesk_core::auth::wait_message;
use helpdesk_core::business_hours::fields as business_hours_fields;
use helpdesk_core::catalog::fields as catalog_fields;
use helpdesk_core::email::{template_fields, NAME_TAKEN};
use helpdesk_core::password::fields as password_fields;
use helpdesk_core::script::fields as script_fields;
use helpdesk_core::server_admin::fields as server_admin_fields;
use helpdesk_core::sync::registration_fields;
use helpdesk_core::ticket_update::{self, fields as ticket_update_fields};
use helpdesk_core::users::fields as user_fields;
use helpdesk_core::wizard::fields as wizard_fields;
use helpdesk_core::work_order::{clash_message, fields as visit_fields};
use helpdesk_core::work_order_form::fields as work_order_fields;
use helpdesk_store::catalog::{self, Refusal};
use helpdesk_store::email_outbox::OperatorOutcome;
use helpdesk_store::holidays::AddOutcome as HolidayOutcome;
use helpdesk_store::login_failures::SignInOutcome;
use helpdesk_store::scripts::PublishOutcome;
use helpdesk_store::setup::CreateProviderOutcome;
use helpdesk_store::tasks::CompleteOutcome;
use helpdesk_store::ticket_additions::AddOutcome;
use helpdesk_store::ticket_updates::UpdateOutcome;
use helpdesk_store::tickets::SaveOutcome;
use helpdesk_store::user_accounts::{ActiveOutcome, PasswordChangeOutcome, SaveUserOutcome};
use helpdesk_store::work_orders::{RescheduleOutcome, StatusOutcome};
use helpdesk_store::{contracts, customer_edits, email_templates};
use helpdesk_sync::SyncError;

use crate::error::{first_error, internal};
use crate::local_time;

/// A ticket saved, or refused; a clash names the visits at `offset_minutes`, the desktop's
/// UTC offset the work order was checked with.
pub fn saved_ticket(
    outcome: SaveOutcome,
    offset_minutes: i32,
) -> Result<SavedTicket, CommandError> {
    match outcome {
        SaveOutcome::Saved(saved) => Ok(saved),
        SaveOutcome::ProtocolTaken => Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Este protocolo já pertence a outro atendimento salvo.",
        )),
        SaveOutcome::TicketTypeUnavailable => Err(CommandError::at_field(
            wizard_fields::TICKET_TYPE,
            "Este tipo de atendimento foi desativado, ou vai para um usuário desativado: \
             escolha outro.",
        )),
        SaveOutcome::PlanUnavailable => Err(CommandError::at_field(
            wizard_fields::PLAN,
            "Este plano foi desativado: escolha outro.",
        )),
        SaveOutcome::TechnicianRemoved => Err(CommandError::at_field(
            work_order_fields::TECHNICIAN,
            "Este técnico foi removido ou desativado: escolha outro.",
        )),
        SaveOutcome::WorkOrderTypeInactive => Err(CommandError::at_field(
            work_order_fields::TYPE,
            "Este tipo de OS foi desativado: escolha outro.",
        )),
        SaveOutcome::WorkOrderStatusInactive => Err(CommandError::at_field(
            work_order_fields::STATUS,
            "Este status de OS foi desativado: escolha outro.",
        )),
        SaveOutcome::Clash(visits) => Err(CommandError::at_field(
            work_order_fields::START,
            clash_message(&visits, offset_minutes),
        )
        .with_code(ErrorCode::Conflict)),
    }
}

/// A visit moved, or why it was not; a clash names the visits at the desktop's UTC offset
/// when the first of them starts.
pub fn rescheduled(outcome: RescheduleOutcome) -> Result<Visit, CommandError> {
    match outcome {
        RescheduleOutcome::Saved(visit) => Ok(*visit),
        RescheduleOutcome::Changed(_) => Err(CommandError::new(
            ErrorCode::Conflict,
            "Esta visita foi alterada por outra pessoa: veja a agenda atualizada.",
        )),
        RescheduleOutcome::TechnicianRemoved => Err(CommandError::at_field(
            visit_fields::TECHNICIAN,
            "Este técnico não está mais ativo: escolha outro.",
        )),
        RescheduleOutcome::Clash(clashing) => {
            let offset = clashing
                .first()
                .map_or(0, |visit| local_time::offset_at(visit.slot.starts_at));
            Err(CommandError::new(
                ErrorCode::Conflict,
                clash_message(&clashing, offset),
            ))
        }
        RescheduleOutcome::NotFound => Err(CommandError::new(
            ErrorCode::NotFound,
            helpdesk_core::work_order_life::VISIT_GONE,
        )),
        RescheduleOutcome::Closed => Err(CommandError::new(
            ErrorCode::InvalidInput,
            "Esta visita já foi concluída ou cancelada: o horário dela não muda mais.",
        )),
    }
}

/// The work order after its change of status, or why it was refused: the first reason at
/// its field (the dialog checked the whole form first), a stale visit as a conflict.
pub fn status_changed(outcome: StatusOutcome) -> Result<WorkOrderLine, CommandError> {
    match outcome {
        StatusOutcome::Saved(line) => Ok(*line),
        StatusOutcome::Changed(_) => Err(CommandError::new(
            ErrorCode::Conflict,
            "Esta visita foi alterada por outra pessoa: feche e abra de novo para ver como ela está.",
        )),
        StatusOutcome::Refused(errors) => Err(first_error(errors)),
        StatusOutcome::NotFound => Err(CommandError::new(
            ErrorCode::NotFound,
            helpdesk_core::work_order_life::VISIT_GONE,
        )),
    }
}

/// A ticket's state after an action, or why the action was refused.
pub fn updated(outcome: UpdateOutcome) -> Result<TicketState, CommandError> {
    match outcome {
        UpdateOutcome::Done(ticket) => Ok(ticket),
        UpdateOutcome::Refused(error) => Err(error.into()),
        UpdateOutcome::NotFound => Err(ticket_not_found()),
    }
}

/// A holiday added, or the one its day already is.
pub fn holiday_added(outcome: HolidayOutcome) -> Result<Holiday, CommandError> {
    match outcome {
        HolidayOutcome::Added(holiday) => Ok(holiday),
        HolidayOutcome::DayTaken(holiday) => Err(CommandError::at_field(
            business_hours_fields::HOLIDAY_DAY,
            format!("Este dia já é feriado: {}.", holiday.name),
        )),
    }
}

/// A holiday removed, or gone already.
pub fn holiday_removed(removed: bool) -> Result<(), CommandError> {
    if removed {
        Ok(())
    } else {
        Err(CommandError::new(
            ErrorCode::NotFound,
            "Este feriado não existe mais: a lista foi atualizada.",
        ))
    }
}

/// A task marked done, or why it was not.
pub fn completed(outcome: CompleteOutcome) -> Result<TaskSummary, CommandError> {
    match outcome {
        CompleteOutcome::Done(task) => Ok(*task),
        CompleteOutcome::Refused(refusal) => Err(CommandError::new(
            ErrorCode::InvalidInput,
            refusal.to_string(),
        )),
        CompleteOutcome::NotFound => Err(CommandError::new(
            ErrorCode::NotFound,
            "Esta tarefa não existe mais.",
        )),
    }
}

/// A script version published, or why it was not.
pub fn published(outcome: PublishOutcome) -> Result<PublishedScript, CommandError> {
    match outcome {
        PublishOutcome::Published(script) => Ok(script),
        PublishOutcome::NameTaken => Err(CommandError::at_field(
            script_fields::NAME,
            "Já existe um script com este nome.",
        )),
        PublishOutcome::UnknownScript => Err(script_not_found()),
    }
}

/// An e-mail template saved, or why it was not.
pub fn template_saved(
    outcome: email_templates::SaveOutcome,
) -> Result<EmailTemplate, CommandError> {
    match outcome {
        email_templates::SaveOutcome::Saved(template) => Ok(template),
        email_templates::SaveOutcome::NameTaken => {
            Err(CommandError::at_field(template_fields::NAME, NAME_TAKEN))
        }
        email_templates::SaveOutcome::UnknownRole => Err(CommandError::at_field(
            template_fields::ROLES,
            "Um dos cargos escolhidos não existe mais. Recarregue a lista de cargos.",
        )),
    }
}

/// The customer saved, or why it was not: at the field concerned.
pub fn customer_saved(outcome: customer_edits::SaveOutcome) -> Result<Uuid, CommandError> {
    match outcome {
        customer_edits::SaveOutcome::Saved(id) => Ok(id),
        customer_edits::SaveOutcome::Refused(error) => Err(error.into()),
        customer_edits::SaveOutcome::NotFound => Err(customer_not_found()),
    }
}

/// The contract saved (its customer's id), or why it was not: at the field concerned.
pub fn contract_saved(outcome: contracts::SaveOutcome) -> Result<Uuid, CommandError> {
    match outcome {
        contracts::SaveOutcome::Saved(id) => Ok(id),
        contracts::SaveOutcome::Refused(error) => Err(error.into()),
        contracts::SaveOutcome::NotFound => Err(customer_not_found()),
    }
}

/// The customer (or its contract or contact) is gone.
pub fn customer_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Cliente não encontrado: ele pode ter sido removido. Pesquise-o de novo.",
    )
}

/// A catalog entry saved, or why it was not: at the field concerned.
pub fn catalog_saved(
    kind: CatalogKind,
    outcome: catalog::SaveOutcome,
) -> Result<CatalogEntry, CommandError> {
    match outcome {
        catalog::SaveOutcome::Saved(entry) => Ok(entry),
        catalog::SaveOutcome::NameTaken => Err(CommandError::at_field(
            catalog_fields::NAME,
            kind.name_taken(),
        )),
        catalog::SaveOutcome::NotFound => Err(catalog_entry_not_found()),
        catalog::SaveOutcome::Refused(refusal) => Err(match refusal {
            Refusal::LastAdministrator => {
                CommandError::at_field(catalog_fields::ADMINISTRATOR, LAST_ADMINISTRATOR)
            }
            Refusal::DestinationInactive => CommandError::at_field(
                catalog_fields::DESTINATION,
                "Este usuário ou cargo foi desativado ou removido: escolha outro destino.",
            ),
            Refusal::TeamInactive => CommandError::at_field(
                catalog_fields::TEAM,
                "Esta equipe foi desativada ou removida: escolha outra.",
            ),
            Refusal::UserInactive => CommandError::at_field(
                catalog_fields::USER,
                "Este usuário foi desativado ou removido: escolha outro, ou nenhum.",
            ),
            in_use @ (Refusal::RoleInUse(_) | Refusal::TeamInUse(_)) => catalog_refused(in_use),
        }),
    }
}

/// A catalog entry deactivated or reactivated, or why it was not.
pub fn catalog_activated(outcome: catalog::ActiveOutcome) -> Result<CatalogEntry, CommandError> {
    match outcome {
        catalog::ActiveOutcome::Saved(entry) => Ok(entry),
        catalog::ActiveOutcome::NotFound => Err(catalog_entry_not_found()),
        catalog::ActiveOutcome::Refused(refusal) => Err(catalog_refused(refusal)),
    }
}

/// Any change that would leave no active administrator (a user's or a role's).
const LAST_ADMINISTRATOR: &str = "Não sobraria nenhum administrador ativo: dê antes um cargo \
     administrativo a outro usuário ativo.";

/// A deactivation or reactivation refused (no field: the entry as a whole).
fn catalog_refused(refusal: Refusal) -> CommandError {
    let plural = |count: i64, one: &str, many: &str| {
        if count == 1 {
            format!("1 {one}")
        } else {
            format!("{count} {many}")
        }
    };
    let message = match refusal {
        Refusal::RoleInUse(users) => format!(
            "O cargo tem {}: mude o cargo deles antes.",
            plural(users, "usuário ativo", "usuários ativos")
        ),
        Refusal::TeamInUse(technicians) => format!(
            "A equipe tem {}: mude a equipe deles ou desative-os antes.",
            plural(technicians, "técnico ativo", "técnicos ativos")
        ),
        Refusal::LastAdministrator => LAST_ADMINISTRATOR.to_owned(),
        Refusal::DestinationInactive => "Este tipo é destinado a um usuário ou cargo \
             desativado: mude o destino antes de reativá-lo."
            .to_owned(),
        Refusal::TeamInactive => "A equipe deste técnico está desativada: mude a equipe \
             dele antes de reativá-lo."
            .to_owned(),
        Refusal::UserInactive => "O usuário deste técnico está desativado: escolha outro, \
             ou nenhum, antes de reativá-lo."
            .to_owned(),
    };
    CommandError::new(ErrorCode::InvalidInput, message)
}

/// The catalog entry asked for was deleted (or never was).
fn catalog_entry_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Este cadastro não existe mais: recarregue a lista.",
    )
}

/// A failed registration, told at the field it concerns.
pub fn registration_refused(form: &RegistrationForm, error: SyncError) -> CommandError {
    match error {
        SyncError::Unreachable(reason) => {
            log::warn!("registration: {} is unreachable: {reason}", form.server_url);
            CommandError::at_field(
                registration_fields::SERVER,
                format!(
                    "Não foi possível conectar a {}: confira o endereço e a rede.",
                    form.server_url
                ),
            )
        }
        SyncError::Refused { code, message, .. } if code == "enrollment_refused" => {
            CommandError::at_field(registration_fields::TOKEN, message)
        }
        SyncError::Refused { message, .. } => CommandError::new(ErrorCode::Conflict, message),
        too_narrow @ SyncError::ProfileTooNarrow { .. } => {
            CommandError::at_field(registration_fields::PROFILE, too_narrow.operator_message())
        }
        SyncError::Store(error) => internal(error),
        other => {
            log::error!("registration: {other}");
            CommandError::new(ErrorCode::Internal, other.operator_message())
        }
    }
}

/// The sync server refused or missed an administration request ("Caixas de correio",
/// "Integrações"): a wrong token at the token field, the rest with the server's words.
pub fn server_admin_refused(error: SyncError) -> CommandError {
    match error {
        SyncError::Refused { code, message, .. } if code == "enrollment_refused" => {
            CommandError::at_field(server_admin_fields::TOKEN, message)
        }
        SyncError::Refused {
            status: 404,
            message,
            ..
        } => CommandError::new(ErrorCode::NotFound, message),
        SyncError::Refused {
            status: 400 | 422,
            message,
            ..
        } => CommandError::new(ErrorCode::InvalidInput, message),
        SyncError::Refused { message, .. } => CommandError::new(ErrorCode::Conflict, message),
        SyncError::Unreachable(reason) => {
            log::warn!("server administration: the server is unreachable: {reason}");
            CommandError::new(
                ErrorCode::Internal,
                "Não foi possível conectar ao servidor de sincronização: confira a rede e \
                 tente de novo.",
            )
        }
        other => {
            log::error!("server administration: {other}");
            CommandError::new(ErrorCode::Internal, other.operator_message())
        }
    }
}

/// The ticket asked for was deleted (or never was).
pub fn ticket_not_found() -> CommandError {
    CommandError::new(ErrorCode::NotFound, "Este atendimento não existe mais.")
}

/// The online-support message asked for was deleted (or never was).
pub fn message_not_found() -> CommandError {
    CommandError::at_field(
        wizard_fields::MESSAGE,
        "Esta mensagem não existe mais: volte aos Filtros e procure de novo.",
    )
    .with_code(ErrorCode::NotFound)
}

/// The script asked for was deleted (or never was).
pub fn script_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Script não encontrado: ele pode ter sido removido. Escolha-o de novo na lista.",
    )
}

/// The e-mail template asked for was deleted (or never was).
pub fn template_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Modelo de e-mail não encontrado: ele pode ter sido removido. Recarregue a lista.",
    )
}

// Sign-in, the first run, users and passwords.

/// A sign-in (or an unlock) that went through, or why not: a wrong password, or the wait
/// after too many failures, told at the password field.
pub fn signed_in(outcome: SignInOutcome) -> Result<Operator, CommandError> {
    match outcome {
        SignInOutcome::SignedIn(operator) => Ok(operator),
        SignInOutcome::Refused => Err(CommandError::invalid_credentials()),
        SignInOutcome::Wait { remaining_ms } => Err(CommandError::at_field(
            "password",
            wait_message(remaining_ms),
        )
        .with_code(ErrorCode::InvalidCredentials)),
    }
}

/// The provider created with its first administrator, or why not.
pub fn provider_created(outcome: CreateProviderOutcome) -> Result<Operator, CommandError> {
    match outcome {
        CreateProviderOutcome::Created(administrator) => Ok(administrator),
        CreateProviderOutcome::UsersExist => Err(CommandError::new(
            ErrorCode::Conflict,
            "Este computador já foi configurado: entre com seu usuário e senha.",
        )),
        CreateProviderOutcome::Registered => Err(CommandError::new(
            ErrorCode::Conflict,
            "Este computador está registrado em um servidor: os usuários chegam pela \
             sincronização.",
        )),
    }
}

/// A user saved, or why not, at the field concerned.
pub fn user_saved(outcome: SaveUserOutcome) -> Result<UserAccount, CommandError> {
    match outcome {
        SaveUserOutcome::Saved(account) => Ok(account),
        SaveUserOutcome::LoginTaken => Err(CommandError::at_field(
            user_fields::LOGIN,
            "Já existe um usuário com este login.",
        )),
        SaveUserOutcome::UnknownRole => Err(CommandError::at_field(
            user_fields::ROLE,
            "Este cargo foi removido ou desativado: escolha outro.",
        )),
        SaveUserOutcome::UnknownTeam => Err(CommandError::at_field(
            user_fields::TEAM,
            "Esta equipe foi removida ou desativada: escolha outra.",
        )),
        SaveUserOutcome::NotFound => Err(user_not_found()),
        SaveUserOutcome::LastAdministrator => Err(CommandError::at_field(
            user_fields::ROLE,
            LAST_ADMINISTRATOR,
        )),
    }
}

/// A user deactivated or reactivated, or why not.
pub fn user_activated(outcome: ActiveOutcome) -> Result<UserAccount, CommandError> {
    match outcome {
        ActiveOutcome::Done(account) => Ok(account),
        ActiveOutcome::NotFound => Err(user_not_found()),
        ActiveOutcome::LastAdministrator => Err(CommandError::new(
            ErrorCode::InvalidInput,
            LAST_ADMINISTRATOR,
        )),
    }
}

/// The operator's password changed, or why not.
pub fn password_changed(outcome: PasswordChangeOutcome) -> Result<Operator, CommandError> {
    match outcome {
        PasswordChangeOutcome::Changed(operator) => Ok(operator),
        PasswordChangeOutcome::WrongCurrent => Err(CommandError::at_field(
            password_fields::CURRENT,
            "A senha atual não confere.",
        )),
        PasswordChangeOutcome::NotFound => Err(CommandError::access_ended()),
    }
}

/// The user asked for does not exist.
pub fn user_not_found() -> CommandError {
    CommandError::new(
        ErrorCode::NotFound,
        "Usuário não encontrado. Recarregue a lista.",
    )
}

/// An addition from the ticket's page written, or why not: a closed ticket (at the ticket),
/// or the work order refused as the wizard's save refuses it.
pub fn added(outcome: AddOutcome, offset_minutes: i32) -> Result<(), CommandError> {
    match outcome {
        AddOutcome::Added => Ok(()),
        AddOutcome::NotFound => Err(ticket_not_found()),
        AddOutcome::Closed => Err(CommandError::at_field(
            ticket_update_fields::TICKET,
            ticket_update::CLOSED,
        )),
        AddOutcome::WorkOrder(refused) => saved_ticket(refused, offset_minutes).map(|_| ()),
    }
}

/// A failed e-mail resent or cancelled, or why not.
pub fn email_line(outcome: OperatorOutcome) -> Result<(), CommandError> {
    match outcome {
        OperatorOutcome::Done => Ok(()),
        OperatorOutcome::NotFailed => Err(CommandError::new(
            ErrorCode::Conflict,
            "Este e-mail não está mais com falha: veja a situação atualizada.",
        )),
        OperatorOutcome::NotFound => Err(CommandError::new(
            ErrorCode::NotFound,
            "Este e-mail não existe mais.",
        )),
    }
}
