//! A report's bar chart as SVG, drawn from the core's [`Chart`]: a horizontal bar per label,
//! its length the bar's share, its value written after it. No chart library.
use helpdesk_core::report::Chart;
use yew::prelude::*;

/// Props of [`ReportChart`].
#[derive(Properties, PartialEq)]
pub struct ReportChartProps {
    pub chart: Chart,
}

/// The width of the labels, of the bars at their longest, and each bar's height (SVG units).
const LABELS: f64 = 220.0;
const BARS: f64 = 460.0;
const ROW: f64 = 22.0;

/// `figure#relatorio-grafico` with its `svg`.
#[function_component]
pub fn ReportChart(props: &ReportChartProps) -> Html {
    let chart = &props.chart;
    let height = ROW * chart.bars.len() as f64 + 4.0;
    let width = LABELS + BARS + 90.0;
    html! {
        <figure id="relatorio-grafico" class="report-chart">
            <figcaption>{ chart.title.clone() }</figcaption>
            <svg role="img" aria-label={chart.title.clone()}
                viewBox={format!("0 0 {width} {height}")}
                width={width.to_string()} height={height.to_string()}>
                { for chart.bars.iter().enumerate().map(|(index, bar)| {
                    let y = ROW * index as f64 + 2.0;
                    let length = (BARS * bar.share).max(if bar.share > 0.0 { 1.0 } else { 0.0 });
                    html! {
                        <g class="report-bar">
                            <text x={(LABELS - 8.0).to_string()} y={(y + ROW * 0.7).to_string()}
                                text-anchor="end" class="report-bar-label">
                                { bar.label.clone() }
                            </text>
                            <rect x={LABELS.to_string()} y={(y + 3.0).to_string()}
                                width={length.to_string()} height={(ROW - 6.0).to_string()}
                                class="report-bar-fill">
                                <title>{ format!("{}: {}", bar.label, bar.text) }</title>
                            </rect>
                            <text x={(LABELS + length + 6.0).to_string()} y={(y + ROW * 0.7).to_string()}
                                class="report-bar-value">
                                { bar.text.clone() }
                            </text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
