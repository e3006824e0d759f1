//! "Expediente e feriados" (administrators): the provider's week of business hours and its
//! holidays, which the ticket types' SLAs count in (but for the types marked "Prazo em horas
//! corridas").
mod holidays;
mod week;

use yew::prelude::*;

use holidays::HolidaysSection;
use week::WeekSection;

/// Props of [`BusinessHoursPage`].
#[derive(Properties, PartialEq)]
pub struct BusinessHoursPageProps {
    /// "Voltar".
    pub onclose: Callback<()>,
}

/// `section#expediente`: the week, then the holidays of a year.
#[function_component]
pub fn BusinessHoursPage(props: &BusinessHoursPageProps) -> Html {
    html! {
        <section id="expediente" class="admin-page" aria-labelledby="expediente-titulo">
            <header class="admin-page-header">
                <h1 id="expediente-titulo">{ "Expediente e feriados" }</h1>
                <span class="spacer"></span>
                <button id="expediente-voltar" type="button"
                    onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Voltar" }</button>
            </header>
            <p class="hint">
                { "Os prazos dos atendimentos contam só as horas do expediente, fora os feriados; \
                   os tipos marcados \"Prazo em horas corridas\" (em Cadastros) contam todas as horas." }
            </p>
            <div class="business-columns">
                <WeekSection />
                <HolidaysSection />
            </div>
        </section>
    }
}
