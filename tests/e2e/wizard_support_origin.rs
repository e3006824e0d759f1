//! "Novo Atendimento" from an online-support message, in the real window: Origem, Filtros,
//! Localizar Reg., Localizar Cliente, Dados Cliente and Dados Atend., with bad input at
//! every field, going back and forth, and the keyboard an operator uses all day.
use helpdesk_core::date::format_date;
use helpdesk_core::text::fold;
use helpdesk_core::wizard::Step;
use helpdesk_e2e::wizard::{
    advance, at_step, draft_saved, error_at, log_in, no_error_at, paste, seeded_database,
};
use helpdesk_e2e::{Harness, StepResult};

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const DOWN: &str = "\u{E015}";

async fn expect_focus(app: &Harness, id: &str) -> StepResult {
    let focused = app.focused_id().await?;
    if focused == id {
        Ok(())
    } else {
        Err(format!("the focus should be in #{id}, is in #{focused}"))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_support_message_becomes_a_ticket_up_to_its_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, writer) = seeded_database(&dir).await;
    let chosen = &writer.messages[1];
    let newest_day = chrono::DateTime::from_timestamp_millis(writer.messages[0].received_at)
        .expect("a date")
        .date_naive();
    let app = Harness::start("wizard_support_origin", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#novo-atendimento").await?;

        // Origem: required; Enter on the chosen origin goes on.
        at_step(app, Step::Origin).await?;
        advance(app).await?;
        error_at(app, "origem", "Escolha a origem do atendimento.").await?;
        app.check("input[name=\"origem\"][value=\"Support\"]")
            .await?;
        no_error_at(app, "origem").await?;
        app.screenshot("origem").await;
        app.press("input[name=\"origem\"][value=\"Support\"]", ENTER)
            .await?;

        // Filtros: the keyboard starts in the e-mail; every wrong field says why.
        at_step(app, Step::Filters).await?;
        expect_focus(app, "email-suporte").await?;
        app.fill("input#dias", "0").await?;
        advance(app).await?;
        error_at(app, "dias", "O período vai de 1 a 3650 dias.").await?;
        // The e-mail is optional ("Selecione a opção"): without it, every sender.
        no_error_at(app, "email").await?;
        app.fill("input#email-suporte", "<script>alert(1)</script>")
            .await?;
        advance(app).await?;
        error_at(
            app,
            "email",
            "Escolha um endereço da lista ou digite o e-mail completo.",
        )
        .await?;
        app.expect_value("input#email-suporte", "<script>alert(1)</script>")
            .await?;
        app.click("input#modo-intervalo").await?;
        no_error_at(app, "dias").await?;
        app.fill("input#data-inicio", "31/02/2026").await?;
        app.fill("input#filtro-quantidade", "9999").await?;
        advance(app).await?;
        error_at(app, "inicio", "Esta data não existe no calendário.").await?;
        error_at(app, "fim", "Informe a data (dd/mm/aaaa).").await?;
        error_at(app, "quantidade", "A quantidade deve estar entre 1 e 500.").await?;
        app.fill(
            "input#data-inicio",
            &format_date(newest_day.succ_opt().expect("a day")),
        )
        .await?;
        app.fill("input#data-fim", &format_date(newest_day)).await?;
        advance(app).await?;
        error_at(
            app,
            "inicio",
            "A data inicial não pode ser depois da data final.",
        )
        .await?;
        app.screenshot("filtros-erros").await;
        app.fill("input#filtro-quantidade", "50").await?;
        app.click("input#modo-periodo").await?;
        app.expect_value("input#dias", "0").await?; // kept while the other mode was shown
        app.fill("input#dias", "400").await?;

        // The e-mail is picked from suggestions that ignore case and accents.
        let keep = writer.email.chars().count() - 4;
        let typed: String = writer.email.chars().take(keep).collect();
        app.fill("input#email-suporte", &typed.to_uppercase())
            .await?;
        app.element("#sugestoes li[role=\"option\"]").await?;
        app.screenshot("filtros-sugestoes").await;
        let mut position = None;
        for (index, option) in app
            .client
            .find_all(fantoccini::Locator::Css("#sugestoes li[role=\"option\"]"))
            .await
            .map_err(|error| error.to_string())?
            .into_iter()
            .enumerate()
        {
            let email = option.attr("data-email").await.map_err(|e| e.to_string())?;
            if email.is_some_and(|email| fold(&email) == fold(&writer.email)) {
                position = Some(index);
            }
        }
        let position = position.ok_or("the writer's address is suggested")?;
        app.press("input#email-suporte", &DOWN.repeat(position + 1))
            .await?;
        app.press("input#email-suporte", ENTER).await?;
        app.gone("#sugestoes").await?;
        let email = app.value("input#email-suporte").await?;
        if fold(&email) != fold(&writer.email) {
            return Err(format!("the suggestion taken is {email:?}"));
        }
        no_error_at(app, "email").await?;
        // With the list closed, Enter is "Avançar".
        app.press("input#email-suporte", ENTER).await?;

        // Localizar Reg.: the writer's messages, newest first; choosing one shows its text.
        at_step(app, Step::FindMessage).await?;
        let newest = format!(
            "#mensagens tbody tr:first-child[data-message-id=\"{}\"]",
            writer.messages[0].id
        );
        app.element(&newest).await?;
        app.text_at(
            "#mensagens-contagem",
            &helpdesk_core::plural::count(writer.messages.len().min(50), "mensagem", "mensagens"),
        )
        .await?;
        advance(app).await?;
        error_at(app, "mensagem", "Selecione uma mensagem para avançar.").await?;
        app.press("table#mensagens", &DOWN.repeat(2)).await?;
        let first_line = chosen
            .body
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("");
        app.text_at("#relato-texto", first_line.trim()).await?;
        app.element(&format!(
            "#mensagens tr.selected[data-message-id=\"{}\"]",
            chosen.id
        ))
        .await?;
        no_error_at(app, "mensagem").await?;
        app.screenshot("localizar-reg").await;
        app.press("table#mensagens", ENTER).await?;

        // Localizar Cliente: the message's login finds its customer, chosen already.
        at_step(app, Step::FindCustomer).await?;
        app.text_at("#cliente-selecionado", &writer.customer.name)
            .await?;
        app.expect_value("input#procurar", &chosen.login).await?;
        app.expect_value("select#campo", "Login").await?;
        app.screenshot("localizar-cliente").await;

        // Back to the filters and forward through the side bar: nothing typed is lost.
        app.click("button#voltar").await?;
        app.click("button#voltar").await?;
        at_step(app, Step::Filters).await?;
        app.expect_value("input#dias", "400").await?;
        app.expect_value("input#filtro-quantidade", "50").await?;
        app.click("nav#wizard-steps li[data-step=\"FindCustomer\"] button")
            .await?;
        at_step(app, Step::FindCustomer).await?;
        app.text_at("#cliente-selecionado", &writer.customer.name)
            .await?;
        advance(app).await?;

        // Dados Cliente: the record, read-only, and a new contact saved at once.
        at_step(app, Step::CustomerData).await?;
        app.text_at("#cliente-nome", &writer.customer.name).await?;
        app.click("button#abrir-cadastro").await?;
        app.text_at("#cadastro-cliente", &writer.customer.document)
            .await?;
        app.text_at("#cadastro-cliente .read-only-note", "módulo Clientes")
            .await?;
        app.screenshot("cadastro-do-cliente").await;
        app.press("#fechar-cadastro", ESCAPE).await?;
        app.gone("#cadastro-cliente").await?;

        app.click("button#adicionar-contato").await?;
        app.press("input#contato-nome", ENTER).await?;
        error_at(app, "nome", "Preencha o nome.").await?;
        error_at(app, "funcao", "Preencha a função do contato no cliente.").await?;
        error_at(app, "telefone", "Informe um telefone ou um e-mail.").await?;
        let name = "<script>alert(1)</script> Zé Contato";
        app.fill("input#contato-nome", name).await?;
        app.fill("input#contato-telefone", "1234").await?;
        app.fill("input#contato-email", "ze@").await?;
        app.select("select#contato-funcao", "Cônjuge").await?;
        app.click("button#salvar-contato").await?;
        error_at(app, "telefone", "Telefone inválido").await?;
        error_at(app, "email", "E-mail inválido").await?;
        app.screenshot("novo-contato-erros").await;
        app.expect_value("input#contato-nome", name).await?;
        app.fill("input#contato-telefone", "(11) 98765-4321")
            .await?;
        app.fill("input#contato-email", "ze.contato@example.com")
            .await?;
        app.click("button#salvar-contato").await?;
        app.gone("#novo-contato").await?;
        app.text_at("table#contatos tr[data-contact-id]", name)
            .await?;
        app.text_at("table#contatos tr[data-contact-id]", "(11) 98765-4321")
            .await?;
        app.screenshot("dados-cliente").await;
        advance(app).await?;

        // Dados Atend.: the problem comes from the message; a plan and a problem are needed.
        at_step(app, Step::TicketData).await?;
        app.expect_value("textarea#problema", &chosen.body).await?;
        advance(app).await?;
        error_at(app, "plano", "Escolha o plano do atendimento.").await?;
        paste(app, "textarea#problema", "").await?;
        advance(app).await?;
        error_at(
            app,
            "problema",
            "Preencha o problema descrito pelo cliente.",
        )
        .await?;
        paste(app, "textarea#problema", &"x".repeat(4001)).await?;
        advance(app).await?;
        error_at(app, "problema", "Use no máximo 4000 caracteres.").await?;
        let problem = "<b>Sem internet</b> desde ontem às 18h; ONU com luz LOS vermelha.";
        paste(app, "textarea#problema", problem).await?;
        let plan = &writer.record.plans[0];
        app.check(&format!("input[name=\"plano\"][value=\"{}\"]", plan.id))
            .await?;
        app.text_at("#ponto-roteamento #ponto-nome", &plan.routing_point.name)
            .await?;
        app.text_at("#ponto-roteamento", &plan.routing_point.ip)
            .await?;
        no_error_at(app, "plano").await?;
        no_error_at(app, "problema").await?;
        app.screenshot("dados-atend").await;

        // Back and forth again: the plan and the problem are kept.
        app.click("button#voltar").await?;
        at_step(app, Step::CustomerData).await?;
        advance(app).await?;
        at_step(app, Step::TicketData).await?;
        app.expect_value("textarea#problema", problem).await?;
        app.text_at("#ponto-nome", &plan.routing_point.name).await?;
        draft_saved(app).await?;
        advance(app).await?;
        at_step(app, Step::Script).await?;
        app.screenshot("script").await;
        Ok(())
    })
    .await;
}
