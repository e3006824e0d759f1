//! "Script" and "Rel. Script" in the real window: the script the problem suggests is run
//! through a branch, the operator goes back two questions and takes another branch, ends
//! it, and finds in the report only the questions of the path taken, in order.
use helpdesk_core::script::{ScriptDefinition, ScriptRun, ScriptVersionRef};
use helpdesk_core::wizard::Step;
use helpdesk_e2e::wizard::{
    advance, at_step, error_at, log_in, phone_call_to_script, seeded_database,
};
use helpdesk_e2e::{Harness, StepResult};
use helpdesk_store::{scripts, ticket_types, Store};

/// The demo's "Sem conexão" script, as published.
async fn no_connection(
    database: &std::path::Path,
) -> (helpdesk_core::script::PublishedScript, ScriptDefinition) {
    let store = Store::open(database).await.expect("store");
    let summary = scripts::list(&store)
        .await
        .expect("scripts")
        .into_iter()
        .find(|script| script.name == "Sem conexão")
        .expect("the demo's script");
    let published = scripts::load(
        &store,
        ScriptVersionRef {
            script_id: summary.id,
            version: None,
        },
    )
    .await
    .expect("load")
    .expect("published");
    store.close().await;
    let definition = published.definition.clone();
    (published, definition)
}

/// The index of the first answer of the question on screen that goes on (or, with
/// `ending`, that ends the script), per the script itself.
fn pick(script: &ScriptDefinition, run: &ScriptRun, ending: bool, skip: Option<u32>) -> u32 {
    let node = run.current(script).expect("a question");
    let index = node
        .options
        .iter()
        .enumerate()
        .position(|(index, option)| option.ends() == ending && Some(index as u32) != skip)
        .or_else(|| {
            node.options
                .iter()
                .enumerate()
                .position(|(index, _)| Some(index as u32) != skip)
        })
        .expect("an answer");
    index as u32
}

/// Marks answer `option` of the question on screen and presses "Próximo", after checking
/// the question shown is the one `expected` is at.
async fn answer(
    app: &Harness,
    script: &ScriptDefinition,
    expected: &mut ScriptRun,
    option: u32,
) -> StepResult {
    let node = expected
        .current(script)
        .ok_or("the script has a question here")?;
    app.text_at("#script-pergunta", &node.question).await?;
    app.element(&format!(".script-options[data-node-id=\"{}\"]", node.id))
        .await?;
    app.check(&format!("input[name=\"script-opcao\"][value=\"{option}\"]"))
        .await?;
    app.click("button#script-proximo").await?;
    expected.answer(script, option, 0);
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_script_is_run_changed_half_way_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let (published, script) = no_connection(&database).await;
    let types = {
        let store = Store::open(&database).await.expect("store");
        let types = ticket_types::list(&store).await.expect("ticket types");
        store.close().await;
        types
    };
    let saved = std::sync::Mutex::new(String::new());
    let app = Harness::start("wizard_script", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        phone_call_to_script(app, &writer, "Cliente está sem internet desde cedo.").await?;
        let suggested = format!(
            "#scripts-sugeridos button[data-script-id=\"{}\"][data-suggested=\"true\"]",
            published.id
        );
        app.element(&suggested).await?;
        advance(app).await?;
        error_at(app, "script", "Encerre o script ou pule-o para avançar.").await?;
        app.screenshot("script-escolha").await;
        app.click(&suggested).await?;
        app.text_at(
            "#script-nome",
            &format!("Sem conexão (versão {})", published.version),
        )
        .await?;

        // Three questions down one branch.
        let mut expected = ScriptRun::new(published.id, "Sem conexão", published.version);
        for _ in 0..3 {
            let option = pick(&script, &expected, false, None);
            answer(app, &script, &mut expected, option).await?;
        }
        app.screenshot("script-pergunta").await;

        // Back two questions: the answer given there is still marked.
        app.click("button#script-anterior").await?;
        app.click("button#script-anterior").await?;
        expected.back();
        expected.back();
        let given = expected.chosen().ok_or("an answer was given here")?;
        app.element(&format!(
            "input[name=\"script-opcao\"][value=\"{given}\"]:checked"
        ))
        .await?;

        // Another answer there, then to the end by the first answer that ends it.
        let other = pick(&script, &expected, false, Some(given));
        answer(app, &script, &mut expected, other).await?;
        let mut guard = 0;
        while !expected.is_finished(&script) {
            let option = pick(&script, &expected, true, None);
            answer(app, &script, &mut expected, option).await?;
            guard += 1;
            if guard > 30 {
                return Err("the script should end within 30 answers".into());
            }
        }
        app.element("#script-fim").await?;
        app.screenshot("script-fim").await;
        app.click("button#encerrar-script").await?;

        // Rel. Script: the questions of the path taken, in order, with their answers.
        at_step(app, Step::ScriptReport).await?;
        let rows = app
            .client
            .find_all(fantoccini::Locator::Css("table#relatorio-script tbody tr"))
            .await
            .map_err(|error| error.to_string())?;
        if rows.len() != expected.report().len() {
            return Err(format!(
                "the report should have {} rows, has {}",
                expected.report().len(),
                rows.len()
            ));
        }
        for (row, answer) in rows.iter().zip(expected.report()) {
            let node = row.attr("data-node-id").await.map_err(|e| e.to_string())?;
            let text = row.text().await.map_err(|e| e.to_string())?;
            if node.as_deref() != Some(answer.node.as_str()) || !text.contains(&answer.label) {
                return Err(format!("report row {text:?} should be {answer:?}"));
            }
        }
        let (outcome, _) = expected.outcome(&script).ok_or("an outcome")?;
        let expected_first_answer = format!(
            "{} → {}",
            expected.report()[0].question,
            expected.report()[0].label
        );
        app.text_at("#resultado-script", outcome.label()).await?;
        app.screenshot("relatorio-script").await;
        advance(app).await?;

        // Prim. Contato: a description and a type are needed; the type shows at once who
        // the ticket goes to and when it is due.
        at_step(app, Step::FirstContact).await?;
        app.click("button#salvar-atendimento").await?;
        error_at(
            app,
            "primeiro-contato",
            "Preencha a descrição do primeiro contato.",
        )
        .await?;
        error_at(app, "tipo-atendimento", "Escolha o tipo de atendimento.").await?;
        app.fill(
            "textarea#primeiro-contato",
            "Cliente com LOS; sinal ruim na OLT. Precisa de visita.",
        )
        .await?;
        let kind = types
            .iter()
            .find(|kind| kind.assignee.is_some())
            .ok_or("a demo type destined to someone")?;
        app.select("select#tipo-atendimento", &kind.id.to_string())
            .await?;
        let assignee = kind
            .assignee
            .as_ref()
            .map(|a| a.describe())
            .unwrap_or_default();
        app.text_at("#destinado-a", &assignee).await?;
        app.text_at("#prazo-atendimento", &format!("({} h)", kind.sla_hours))
            .await?;
        app.screenshot("primeiro-contato").await;

        // "Resolvido" asks, "Sim" saves the ticket whole and shows its protocol.
        let header = app.text_at("#protocolo", "Protocolo ").await?;
        let protocol = header.trim_start_matches("Protocolo ").to_owned();
        app.click("button#resolvido").await?;
        app.element("#atendimento-resolvido").await?;
        app.screenshot("atend-resolvido").await;
        app.click("button#confirmar-resolvido").await?;
        app.text_at("#atendimento-salvo", "Atendimento salvo")
            .await?;
        app.text_at("#protocolo-final", &protocol).await?;
        app.text_at("#situacao-final", "Resolvido").await?;
        app.screenshot("atendimento-salvo").await;
        *saved.lock().expect("lock") = protocol.clone();
        app.click("button#concluir").await?;
        app.element("button#novo-atendimento").await?;
        app.gone("#rascunho-pendente").await?;

        // "Consultar protocolo": a wrong number is explained; the right one, typed with
        // spaces, finds the ticket and its history in order.
        app.fill("input#consultar-protocolo", "12345\u{E007}")
            .await?;
        error_at(app, "protocolo", "O protocolo tem 14 números").await?;
        let spaced = protocol.replace('-', " ");
        app.fill("input#consultar-protocolo", &format!("{spaced}\u{E007}"))
            .await?;
        app.text_at("#ticket-encontrado", &protocol).await?;
        app.text_at("#ticket-situacao", "Resolvido").await?;
        let kinds = app
            .client
            .find_all(fantoccini::Locator::Css("ol#historico > li"))
            .await
            .map_err(|error| error.to_string())?;
        let mut found = Vec::new();
        for item in kinds {
            found.push(
                item.attr("data-kind")
                    .await
                    .map_err(|e| e.to_string())?
                    .unwrap_or_default(),
            );
        }
        if found != ["opened", "script_report", "first_contact", "resolved"] {
            return Err(format!("the history should be in order, is {found:?}"));
        }
        app.text_at("ol#historico", &expected_first_answer).await?;
        app.screenshot("consulta-protocolo").await;
        Ok(())
    })
    .await;

    // The ticket is in the database with its script report, and no draft is left.
    let protocol: helpdesk_core::protocol::Protocol = saved
        .lock()
        .expect("lock")
        .parse()
        .expect("the protocol shown");
    let store = Store::open(&database).await.expect("store");
    let (status, events): (String, String) = sqlx::query_as(
        "SELECT t.status, group_concat(e.kind, ',') FROM tickets t
         JOIN ticket_events e ON e.ticket_id = t.id WHERE t.protocol = ?1 GROUP BY t.id",
    )
    .bind(protocol.digits())
    .fetch_one(store.pool())
    .await
    .expect("the saved ticket");
    assert_eq!(status, "Resolvido");
    assert_eq!(events, "opened,script_report,first_contact,resolved");
    let drafts: i64 = sqlx::query_scalar("SELECT count(*) FROM wizard_drafts")
        .fetch_one(store.pool())
        .await
        .expect("drafts");
    assert_eq!(drafts, 0);
    store.close().await;
}
