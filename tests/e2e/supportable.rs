//! Supportable, in the real window: the app's log file holds the window's errors (a
//! refused sign-in it shows, an uncaught error of the page) and never the passwords typed;
//! "Sobre" shows the version and the database; "Exportar diagnóstico" writes a zip, saved
//! through the system's dialog, that opens and holds the log and the summary and no
//! password.
use std::io::Read;
use std::time::Instant;

use helpdesk_demo::OPERATOR;
use helpdesk_e2e::{AppFolders, Harness, StepResult, TIMEOUT};

/// A wrong password typed at the sign-in: it must never reach the log.
const WRONG_PASSWORD: &str = "Segredo-Digitado-7319";
/// What the page throws, as a script of the page would.
const PAGE_ERROR: &str = "falha-proposital-da-pagina-e2e";
const SAVE: &str = "Salvar como";

/// Waits until the app's log holds `text`; answers the log.
async fn log_holds(folders: &AppFolders, text: &str) -> StepResult<String> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let log = folders.log();
        if log.contains(text) {
            return Ok(log);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "the log {} should hold {text:?}; it has:\n{log}",
                folders.log_file().display()
            ));
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

fn no_password(what: &str, text: &str) -> StepResult {
    for password in [WRONG_PASSWORD, OPERATOR.password] {
        if text.contains(password) {
            return Err(format!("{what} holds the password {password:?}:\n{text}"));
        }
    }
    Ok(())
}

fn zip_entries(path: &std::path::Path) -> StepResult<Vec<(String, String)>> {
    let file = std::fs::File::open(path).map_err(|error| format!("{}: {error}", path.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|error| format!("not a zip: {error}"))?;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|error| format!("entry {index}: {error}"))?;
        let name = entry
            .name()
            .map_err(|error| format!("entry {index}'s name: {error}"))?
            .into_owned();
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|error| format!("entry {index} as text: {error}"))?;
        entries.push((name, text));
    }
    Ok(entries)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_log_holds_the_window_s_errors_and_the_diagnostic_zip_no_password() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(&dir).await;
    store.close().await;
    let folders = AppFolders::of(&database);
    let zip_path = dir.path().join("diagnostico-e2e.zip");
    let app = Harness::start("supportable", &database).await;
    app.run(async |app: &mut Harness| {
        // A refused sign-in: the window shows it, and the log has it without the password.
        app.fill("input#login", OPERATOR.login).await?;
        app.fill("input#password", &format!("{WRONG_PASSWORD}\u{E007}"))
            .await?;
        app.text_at(
            ".field-error[data-field=\"password\"]",
            "Usuário ou senha incorretos.",
        )
        .await?;
        log_holds(
            &folders,
            "[helpdesk_ui][WARN] window command refusal at login: Usuário ou senha incorretos.",
        )
        .await?;

        // An error the page does not catch.
        app.client
            .execute(
                &format!("setTimeout(() => {{ throw new Error('{PAGE_ERROR}'); }}, 0);"),
                vec![],
            )
            .await
            .map_err(|error| format!("the page's script: {error}"))?;
        let log = log_holds(&folders, PAGE_ERROR).await?;
        if !log.contains("[helpdesk_ui][ERROR] window page error at ") {
            return Err(format!(
                "the page's error should be logged as an error:\n{log}"
            ));
        }

        app.fill("input#password", &format!("{}\u{E007}", OPERATOR.password))
            .await?;
        app.text_at("#operator-name", OPERATOR.name).await?;
        log_holds(&folders, &format!("operator {} logged in", OPERATOR.login)).await?;

        // "Sobre": the version and the database.
        app.click("button#sobre").await?;
        app.text_at("#sobre-versao", env!("CARGO_PKG_VERSION"))
            .await?;
        app.text_at("#sobre-banco", &database.display().to_string())
            .await?;
        app.text_at("#sobre-sincronizacao", "não registrado")
            .await?;
        app.screenshot("sobre").await;

        app.click("button#exportar-diagnostico").await?;
        app.answer_file_picker(SAVE, &zip_path).await?;
        app.text_at("#diagnostico-salvo", &zip_path.display().to_string())
            .await?;
        app.screenshot("diagnostico-salvo").await;
        Ok(())
    })
    .await;

    let log = folders.log();
    no_password("the log", &log).unwrap_or_else(|failure| panic!("{failure}"));
    let entries = zip_entries(&zip_path).unwrap_or_else(|failure| panic!("{failure}"));
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    assert!(names.contains(&"resumo.txt"), "{names:?}");
    assert!(names.contains(&"logs/helpdesk.log"), "{names:?}");
    for (name, text) in &entries {
        no_password(name, text).unwrap_or_else(|failure| panic!("{failure}"));
    }
    let summary = &entries
        .iter()
        .find(|(name, _)| name == "resumo.txt")
        .expect("the summary")
        .1;
    for expected in [
        format!("Versão: {}", env!("CARGO_PKG_VERSION")),
        format!("Banco de dados: {}", database.display()),
        "Servidor de sincronização: não registrado".to_owned(),
        "  customers: 400".to_owned(),
        PAGE_ERROR.to_owned(),
    ] {
        assert!(summary.contains(&expected), "{expected:?} in:\n{summary}");
    }
    let zipped_log = &entries
        .iter()
        .find(|(name, _)| name == "logs/helpdesk.log")
        .expect("the log")
        .1;
    assert!(zipped_log.contains(PAGE_ERROR), "{zipped_log}");
}
