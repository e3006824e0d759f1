//! "Relatórios" in the real app window on the demo database: the operator opens it from the
//! header (this month by default), types a period whose end is before its start (the message
//! at "Até", what was typed kept), then generates "Atendimentos por origem" for the last 366
//! days: the table's total is the count of the period's tickets read from the database file
//! directly, the SVG chart has a bar per row; "Exportar CSV" through the system's save
//! dialog writes a file that parses as `;`-separated UTF-8 with a BOM, with the same total.
use chrono::{Datelike, Days, Local};
use helpdesk_core::date::{format_date, start_of_day};
use helpdesk_e2e::wizard::{error_at, log_in};
use helpdesk_e2e::Harness;

const SAVE: &str = "Salvar como";

/// The count with a dot every three digits, as the table shows it.
fn grouped(count: i64) -> String {
    let digits = count.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push('.');
        }
        text.push(digit);
    }
    text
}

#[tokio::test]
async fn reports_by_origin_table_chart_csv_and_a_bad_period() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(&dir).await;
    let today = Local::now().date_naive();
    let first = today - Days::new(365);
    let offset = Local::now().offset().local_minus_utc() / 60;
    let expected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM tickets WHERE deleted = 0 AND opened_at >= ?1 AND opened_at < ?2",
    )
    .bind(start_of_day(first, offset))
    .bind(start_of_day(today + Days::new(1), offset))
    .fetch_one(store.pool())
    .await
    .expect("count");
    assert!(expected > 0, "the demo has tickets in the last year");
    store.close().await;
    let csv_path = dir.path().join("relatorio.csv");
    let app = Harness::start("reports", &database).await;
    app.run(async |app: &mut Harness| {
        log_in(app).await?;
        app.click("button#relatorios").await?;
        app.element("main#relatorios-pagina").await?;
        let month_start = today.with_day(1).ok_or("a first day")?;
        app.expect_value("#relatorio-de", &format_date(month_start))
            .await?;

        // A period ending before it starts: the message at "Até", the dates kept.
        app.fill("#relatorio-de", &format_date(first)).await?;
        app.fill("#relatorio-ate", "01/01/2020").await?;
        app.click("button#gerar").await?;
        error_at(
            app,
            "ate",
            "A data final deve ser igual ou posterior à inicial.",
        )
        .await?;
        app.expect_value("#relatorio-ate", "01/01/2020").await?;

        app.fill("#relatorio-ate", &format_date(today)).await?;
        app.select("#relatorio-tipo", "TicketsByOrigin").await?;
        app.click("button#gerar").await?;
        app.text_at("#relatorio-titulo", "Atendimentos por origem")
            .await?;
        let total = app.text_at("#relatorio-total", "Total").await?;
        // The row's first number: the count (the share follows it).
        let shown = app.text_at("#relatorio-total td", "").await?;
        if shown.trim() != grouped(expected) {
            return Err(format!(
                "the total should be {expected} (the database's count), shows {total:?}"
            ));
        }
        let rows = app
            .client
            .find_all(fantoccini::Locator::Css("#relatorio-tabela tbody tr"))
            .await
            .map_err(|error| error.to_string())?
            .len();
        let bars = app
            .client
            .find_all(fantoccini::Locator::Css(
                "#relatorio-grafico svg rect.report-bar-fill",
            ))
            .await
            .map_err(|error| error.to_string())?
            .len();
        if rows == 0 || bars != rows {
            return Err(format!("a bar per row: {bars} bars, {rows} rows"));
        }
        app.screenshot("relatorio").await;

        app.click("button#exportar-csv").await?;
        app.answer_file_picker(SAVE, &csv_path).await?;
        app.text_at("#relatorio-exportado", "Relatório exportado para")
            .await?;
        let bytes = std::fs::read(&csv_path).map_err(|error| error.to_string())?;
        let body = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .ok_or("the CSV starts with a UTF-8 BOM")?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(body);
        let records: Vec<csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .map_err(|error| format!("the CSV parses: {error}"))?;
        let header = records.get(2).ok_or("a header line")?;
        if header.iter().collect::<Vec<_>>() != ["Origem", "Atendimentos"] {
            return Err(format!("header {header:?}"));
        }
        let last = records.last().ok_or("lines")?;
        if last.get(0) != Some("Total") || last.get(1) != Some(expected.to_string().as_str()) {
            return Err(format!("the CSV's total should be {expected}: {last:?}"));
        }
        if records.len() != rows + 4 {
            return Err(format!("{} lines for {rows} rows", records.len()));
        }
        Ok(())
    })
    .await;
}
