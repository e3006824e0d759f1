//! "Expediente e feriados" in the real window, from an empty database (no demo): the
//! administrator sets Monday's hours with an interval overlapping the morning's first (the
//! message at its field, what was typed kept), fixes it and saves; includes the national
//! holidays of this year and sees them listed (a second time adds none); and in
//! "Cadastros" saves a ticket type with "Prazo em horas corridas", which the list and the
//! form show again. Then "Cópia de segurança": a relative folder and a count of 0 refused at
//! their fields (what was typed kept); saved every 24 hours, the first scheduled backup is
//! made at once; another made now, a type created after them, and a restore confirmed; at
//! the next start the database is the backup's (the later type gone).
use chrono::{Datelike, Local};
use helpdesk_core::business_hours::{easter, national_holidays};
use helpdesk_e2e::setup::{create_entry, create_provider, open_tab, sign_in, Provider};
use helpdesk_e2e::wizard::{error_at, no_error_at};
use helpdesk_e2e::{Harness, StepResult};

const PROVIDER: Provider = Provider {
    name: "Conecta Vale Telecom",
    admin_name: "Marina Duarte",
    login: "marina.admin",
    email: "marina@conectavale.com.br",
    password: "Vento-Sul-Serra-42",
};
const TICKET_TYPE: &str = "Queda geral";
const LATER_TYPE: &str = "Depois da cópia";

/// Monday 08:00–12:00 and 11:00–18:00 is refused at the second interval's start, which
/// keeps "11:00"; 13:00 is saved.
async fn week(app: &mut Harness) -> StepResult {
    app.click("button#expediente-admin").await?;
    app.element("section#expediente").await?;
    app.text_at("#expediente-vazio", "horas corridas").await?;
    app.click("button#expediente-1-adicionar").await?;
    app.fill("input#expediente-1-0-inicio", "08:00").await?;
    app.fill("input#expediente-1-0-fim", "12:00").await?;
    app.click("button#expediente-1-adicionar").await?;
    app.fill("input#expediente-1-1-inicio", "11:00").await?;
    app.fill("input#expediente-1-1-fim", "18:00").await?;
    app.click("button#expediente-salvar").await?;
    error_at(
        app,
        "expediente-1-1-inicio",
        "Este intervalo se sobrepõe a 08:00–12:00 no mesmo dia.",
    )
    .await?;
    app.expect_value("input#expediente-1-1-inicio", "11:00")
        .await?;
    app.expect_value("input#expediente-1-1-fim", "18:00")
        .await?;
    app.gone("#expediente-salvo").await?;
    app.screenshot("expediente-sobreposto").await;

    app.fill("input#expediente-1-1-inicio", "13:00").await?;
    no_error_at(app, "expediente-1-1-inicio").await?;
    app.click("button#expediente-salvar").await?;
    app.text_at("#expediente-salvo", "Expediente salvo.")
        .await?;
    app.gone("#expediente-vazio").await?;
    app.expect_value("input#expediente-1-1-inicio", "13:00")
        .await?;
    app.screenshot("expediente-salvo").await;
    Ok(())
}

/// How many holidays the list shows.
async fn listed(app: &Harness) -> StepResult<usize> {
    Ok(app
        .client
        .find_all(fantoccini::Locator::Css("ul#feriados > li"))
        .await
        .map_err(|error| format!("the holidays listed: {error}"))?
        .len())
}

/// "Incluir feriados nacionais de <ano>": listed with their dates; again, nothing added.
async fn holidays(app: &mut Harness) -> StepResult {
    let year = Local::now().year();
    app.text_at("#feriados-ano", &year.to_string()).await?;
    app.text_at("#feriados-vazio", &format!("Nenhum feriado em {year}."))
        .await?;
    let national = national_holidays(year);
    app.click("button#feriados-nacionais").await?;
    app.text_at(
        "#feriados-nota",
        &format!("{} feriados nacionais de {year} incluídos.", national.len()),
    )
    .await?;
    app.text_at(&format!("li[data-day=\"{year}-12-25\"]"), "Natal")
        .await?;
    app.text_at(&format!("li[data-day=\"{year}-04-21\"]"), "Tiradentes")
        .await?;
    let good_friday = easter(year)
        .and_then(|easter| easter.pred_opt()?.pred_opt())
        .ok_or("Easter's date")?;
    app.text_at(
        &format!("li[data-day=\"{good_friday}\"]"),
        "Sexta-feira Santa",
    )
    .await?;
    if listed(app).await? != national.len() {
        return Err(format!("{} holidays should be listed", national.len()));
    }
    app.screenshot("feriados-nacionais").await;

    app.click("button#feriados-nacionais").await?;
    app.text_at("#feriados-nota", "já estavam todos na lista")
        .await?;
    if listed(app).await? != national.len() {
        return Err("including them again should add none".into());
    }
    // "Voltar" is at the top of the page, scrolled away by the long week.
    app.client
        .execute(
            "document.getElementById('expediente-voltar').scrollIntoView();",
            Vec::new(),
        )
        .await
        .map_err(|error| format!("scroll to \"Voltar\": {error}"))?;
    app.click("button#expediente-voltar").await?;
    Ok(())
}

/// Whether the checkbox `css` is checked.
async fn checked(app: &Harness, css: &str) -> StepResult<bool> {
    let script = format!("return document.querySelector('{css}').checked;");
    let value = app
        .client
        .execute(&script, Vec::new())
        .await
        .map_err(|error| format!("read {css}: {error}"))?;
    value.as_bool().ok_or_else(|| format!("{css}: {value}"))
}

/// A ticket type in calendar hours, saved and shown again.
async fn calendar_type(app: &mut Harness) -> StepResult {
    app.click("button#cadastros-admin").await?;
    create_entry(app, "aba-tipos-atendimento", TICKET_TYPE, async |app| {
        app.fill("input#cadastro-sla-horas", "4").await?;
        app.element("label[for=\"cadastro-sla-corridas\"]").await?;
        app.text_at(
            "label[for=\"cadastro-sla-corridas\"]",
            "Prazo em horas corridas",
        )
        .await?;
        app.click("input#cadastro-sla-corridas").await
    })
    .await?;
    let row = format!("#cadastro-lista tr[data-name=\"{TICKET_TYPE}\"]");
    app.text_at(&row, "SLA 4 h corridas").await?;
    app.click(&format!("{row} button.cadastro-editar")).await?;
    app.expect_value("input#cadastro-nome", TICKET_TYPE).await?;
    app.expect_value("input#cadastro-sla-horas", "4").await?;
    if !checked(app, "#cadastro-sla-corridas").await? {
        return Err("\"Prazo em horas corridas\" should show checked".into());
    }
    app.screenshot("tipo-horas-corridas").await;
    Ok(())
}

/// Waits until `folder` holds `count` whole backups (folders named `helpdesk-…`; partial
/// ones are hidden).
fn wait_for_backups(folder: &str, count: usize) -> StepResult {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let whole = std::fs::read_dir(folder)
            .map_err(|error| format!("{folder}: {error}"))?
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().starts_with("helpdesk-"))
            .count();
        if whole >= count {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("{count} backups in {folder}: {whole} after 30 s"));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// "Cópia de segurança": the settings refused, then saved with `folder`; a backup now; a
/// ticket type added after it; the backup's restore confirmed and waiting for the restart.
async fn backup_and_restore(app: &mut Harness, folder: &str) -> StepResult {
    app.click("button#copia-seguranca-admin").await?;
    app.element("section#copia-seguranca").await?;
    app.fill("input#backup-pasta", "copias").await?;
    app.fill("input#backup-intervalo", "24").await?;
    app.fill("input#backup-manter", "0").await?;
    app.click("button#copia-seguranca-salvar").await?;
    error_at(
        app,
        "backup-manter",
        "Informe quantas cópias manter, de 1 a 365.",
    )
    .await?;
    app.fill("input#backup-manter", "3").await?;
    app.click("button#copia-seguranca-salvar").await?;
    error_at(
        app,
        "backup-pasta",
        "Esta pasta não pode receber cópias: informe o caminho completo.",
    )
    .await?;
    app.expect_value("input#backup-pasta", "copias").await?;
    app.expect_value("input#backup-manter", "3").await?;
    app.screenshot("copia-pasta-relativa").await;
    app.fill("input#backup-pasta", folder).await?;
    app.click("button#copia-seguranca-salvar").await?;
    app.text_at("#copia-seguranca-salvo", "Configurações salvas.")
        .await?;
    // Every 24 hours and none made yet: the worker makes the first one now.
    wait_for_backups(folder, 1)?;

    app.click("button#copia-agora").await?;
    let row = "#copias-lista tr[data-backup]";
    app.element(row).await?;
    let listed = app
        .client
        .find_all(fantoccini::Locator::Css(row))
        .await
        .map_err(|error| format!("the backups listed: {error}"))?
        .len();
    if listed != 2 {
        return Err(format!(
            "the scheduled backup and the one asked for: {listed} listed"
        ));
    }
    app.screenshot("copia-feita").await;
    app.click("button#copia-seguranca-voltar").await?;

    app.click("button#cadastros-admin").await?;
    create_entry(app, "aba-tipos-atendimento", LATER_TYPE, async |app| {
        app.fill("input#cadastro-sla-horas", "8").await
    })
    .await?;
    app.click("button#cadastros-voltar").await?;

    app.click("button#copia-seguranca-admin").await?;
    app.click(&format!("{row} button.copia-restaurar")).await?;
    app.text_at("[aria-label=\"Confirmar restauração\"]", "será perdido")
        .await?;
    app.click("button#copia-restaurar-sim").await?;
    app.text_at(
        "#copia-restauracao-pendente",
        "será restaurada quando o aplicativo reiniciar",
    )
    .await?;
    app.element("button#copia-reiniciar").await?;
    app.screenshot("restauracao-pendente").await;
    Ok(())
}

/// After the restart: the administrator signs in to the backup's database, where the type
/// created after the backup is not.
async fn restored(app: &mut Harness) -> StepResult {
    sign_in(app, PROVIDER.login, PROVIDER.password).await?;
    app.click("button#cadastros-admin").await?;
    open_tab(app, "aba-tipos-atendimento").await?;
    app.element(&format!("#cadastro-lista tr[data-name=\"{TICKET_TYPE}\"]"))
        .await?;
    app.gone(&format!("#cadastro-lista tr[data-name=\"{LATER_TYPE}\"]"))
        .await?;
    app.screenshot("restaurado").await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_week_and_the_holidays_are_kept_and_a_type_counts_calendar_hours() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("expediente.db");
    let backups = tempfile::tempdir().expect("backup folder");
    let app = Harness::start("business_hours", &database).await;
    app.run(async |app: &mut Harness| {
        create_provider(app, &PROVIDER).await?;
        week(app).await?;
        holidays(app).await?;
        calendar_type(app).await?;
        app.click("button#cadastros-voltar").await?;
        backup_and_restore(app, &backups.path().to_string_lossy()).await
    })
    .await;
    let app = Harness::start("business_hours_restored", &database).await;
    app.run(restored).await;
}
