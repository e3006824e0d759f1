//! A report's table: a row per label, the total in the footer.
use helpdesk_api::Report;
use yew::prelude::*;

/// Props of [`ReportTable`].
#[derive(Properties, PartialEq)]
pub struct ReportTableProps {
    pub report: Report,
}

/// `table#relatorio-tabela`.
#[function_component]
pub fn ReportTable(props: &ReportTableProps) -> Html {
    let report = &props.report;
    let cells = |row: &helpdesk_core::report::ReportRow| -> Html {
        html! {
            { for (0..report.columns.len()).map(|index| html! {
                <td class="number">{ report.cell_text(row, index) }</td>
            }) }
        }
    };
    html! {
        <table id="relatorio-tabela" class="report-table">
            <thead>
                <tr>
                    <th scope="col">{ report.label_header.clone() }</th>
                    { for report.columns.iter().map(|column| html! {
                        <th scope="col" class="number">{ column.name.clone() }</th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for report.rows.iter().map(|row| html! {
                    <tr>
                        <th scope="row">{ row.label.clone() }</th>
                        { cells(row) }
                    </tr>
                }) }
            </tbody>
            <tfoot>
                <tr id="relatorio-total">
                    <th scope="row">{ report.total.label.clone() }</th>
                    { cells(&report.total) }
                </tr>
            </tfoot>
        </table>
    }
}
