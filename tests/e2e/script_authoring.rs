//! An administrator writes a script in the editor — the checks speak as they type, broken
//! imports are refused — publishes it, previews it, and runs it in a new ticket, all in the
//! real window.
use helpdesk_core::script::MAX_TEXT_CHARS;
use helpdesk_core::wizard::Step;
use helpdesk_demo::ADMIN;
use helpdesk_e2e::wizard::{at_step, paste, phone_call_to_script, seeded_database};
use helpdesk_e2e::{Harness, StepResult};

const NAME: &str = "Wi-Fi <b>sumiu</b>";

/// The option `option` of the question on screen.
fn option(option: usize, part: &str) -> String {
    format!("ol#opcoes li.opcao[data-option-index=\"{option}\"] {part}")
}

/// Sets the option's label, and where it leads (`fim` with an outcome, `nova`, `n:<i>`).
async fn set_option(app: &Harness, index: usize, label: &str, destination: &str) -> StepResult {
    app.fill(&option(index, "input.opcao-rotulo"), label)
        .await?;
    app.select(&option(index, "select.opcao-destino"), destination)
        .await
}

async fn problem_listed(app: &Harness, text: &str) -> StepResult {
    app.text_at("ul#problemas", text).await.map(drop)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_authors_publishes_and_runs_a_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let app = Harness::start("script_authoring", &database).await;
    app.run(async |app: &mut Harness| {
        app.fill("input#login", ADMIN.login).await?;
        app.fill("input#password", &format!("{}\u{E007}", ADMIN.password))
            .await?;
        app.click("button#scripts").await?;
        app.element("table#scripts tr[data-script-id]").await?;
        app.click("button#novo-script").await?;

        // An empty script says what it lacks.
        problem_listed(app, "O script não tem nenhuma pergunta.").await?;
        app.fill("input#script-nome", NAME).await?;
        app.fill("input#script-palavras", "wi-fi, senha, rede sumiu")
            .await?;
        app.click("button#adicionar-pergunta").await?;
        app.element("ul#nos li[data-node-id=\"pergunta-1\"]")
            .await?;
        problem_listed(app, "Escreva a pergunta.").await?;
        problem_listed(app, "A resposta não tem destino").await?;

        // A question too long is refused at once, and markup is plain text.
        paste(app, "textarea#no-pergunta", &"x".repeat(MAX_TEXT_CHARS + 1)).await?;
        problem_listed(
            app,
            &format!("A pergunta tem mais de {MAX_TEXT_CHARS} caracteres."),
        )
        .await?;
        paste(
            app,
            "textarea#no-pergunta",
            "O celular vê a rede <i>Wi-Fi</i> da casa?",
        )
        .await?;
        paste(
            app,
            "textarea#no-explicacao-cliente",
            "Abra as configurações de Wi-Fi do celular.",
        )
        .await?;
        set_option(app, 0, "Sim, e conecta", "fim").await?;
        app.select(&option(0, "select.opcao-resultado"), "Resolved")
            .await?;
        app.click("button#adicionar-opcao").await?;
        set_option(app, 1, "Não aparece", "nova").await?;
        app.element("ul#nos li[data-node-id=\"pergunta-2\"]")
            .await?;
        app.click("ul#nos li[data-node-id=\"pergunta-2\"] button")
            .await?;
        paste(
            app,
            "textarea#no-pergunta",
            "Depois de reiniciar o roteador, a rede aparece?",
        )
        .await?;
        set_option(app, 0, "Sim", "fim").await?;
        app.select(&option(0, "select.opcao-resultado"), "Resolved")
            .await?;
        app.click("button#adicionar-opcao").await?;
        set_option(app, 1, "Não", "n:0").await?;
        // Back to the first question and on again: a loop, but with ways out.
        app.element("#sem-problemas").await?;
        app.click("button#adicionar-opcao").await?;
        set_option(app, 2, "Roteador apagado", "fim").await?;
        app.select(&option(2, "select.opcao-resultado"), "WorkOrder")
            .await?;
        app.element("#sem-problemas").await?;
        app.screenshot("editor").await;

        // Broken imports: malformed JSON and a cycle with no way out.
        app.click("button#importar").await?;
        app.fill("textarea#importar-texto", "{\"start\": \"a\", \"nodes\": [")
            .await?;
        app.click("button#importar-confirmar").await?;
        app.text_at("#importar-erro", "O arquivo não é um script válido")
            .await?;
        app.screenshot("importar-erro").await;
        app.click("button#cancelar-importacao").await?;
        app.gone("#importar-dialogo").await?;
        app.element("ul#nos li[data-node-id=\"pergunta-2\"]")
            .await?; // nothing replaced

        // Preview: the script runs as the operator will see it.
        app.click("button#pre-visualizar").await?;
        app.text_at("#pre-visualizacao #script-pergunta", "rede <i>Wi-Fi</i>")
            .await?;
        app.click("#pre-visualizacao input[name=\"script-opcao\"][value=\"1\"]")
            .await?;
        app.click("#pre-visualizacao button#script-proximo").await?;
        app.text_at("#pre-visualizacao #script-pergunta", "reiniciar o roteador")
            .await?;
        app.click("#pre-visualizacao input[name=\"script-opcao\"][value=\"0\"]")
            .await?;
        app.click("#pre-visualizacao button#script-proximo").await?;
        app.element("#pre-visualizacao #script-fim").await?;
        app.click("#pre-visualizacao button#encerrar-script")
            .await?;
        app.text_at("#pre-visualizacao-relatorio", "Não aparece")
            .await?;
        app.screenshot("pre-visualizacao").await;
        app.click("button#fechar-pre-visualizacao").await?;
        app.gone("#pre-visualizacao").await?;

        app.click("button#publicar").await?;
        app.text_at("#publicado", "Versão 1 publicada.").await?;

        // A broken version is not published: the checks say why, and nothing is lost.
        app.click("ul#nos li[data-node-id=\"pergunta-2\"] button")
            .await?;
        app.select(&option(0, "select.opcao-destino"), "").await?;
        problem_listed(app, "A resposta não tem destino").await?;
        app.click("button#publicar").await?;
        app.text_at(
            ".field-error[data-field=\"definicao\"]",
            "O script tem 1 problema: corrija-o antes de publicar.",
        )
        .await?;
        problem_listed(app, "A resposta não tem destino").await?;
        let question = app.value("textarea#no-pergunta").await?;
        if !question.contains("reiniciar o roteador") {
            return Err(format!("what was typed is kept, holds {question:?}"));
        }
        app.screenshot("publicar-recusado").await;

        // A new ticket runs version 1.
        app.click("button#voltar-lista").await?;
        app.click("button#confirmar-saida").await?;
        app.click("button#voltar-inicio").await?;
        phone_call_to_script(app, &writer, "A rede Wi-Fi sumiu do celular.").await?;
        app.text_at("#scripts-sugeridos", NAME).await?;
        let choices = app
            .client
            .find_all(fantoccini::Locator::Css(
                "#scripts-sugeridos button.script-choice",
            ))
            .await
            .map_err(|error| error.to_string())?;
        let mut ours = None;
        for choice in choices {
            if choice
                .text()
                .await
                .map_err(|e| e.to_string())?
                .contains(NAME)
            {
                ours = Some(choice);
            }
        }
        let ours = ours.ok_or("the new script is offered")?;
        let suggested = ours
            .attr("data-suggested")
            .await
            .map_err(|e| e.to_string())?;
        if suggested.as_deref() != Some("true") {
            return Err("the problem's words suggest the new script".into());
        }
        ours.click().await.map_err(|error| error.to_string())?;
        app.text_at("#script-nome", &format!("{NAME} (versão 1)"))
            .await?;
        app.check("input[name=\"script-opcao\"][value=\"0\"]")
            .await?;
        app.click("button#script-proximo").await?;
        app.element("#script-fim").await?;
        app.click("button#encerrar-script").await?;
        at_step(app, Step::ScriptReport).await?;
        app.text_at("table#relatorio-script", "Sim, e conecta")
            .await?;
        app.text_at("#resultado-script", "Resolvido").await?;
        app.screenshot("executado-no-atendimento").await;
        Ok(())
    })
    .await;
}
