//! The filling of a message's templates: the placeholders' vocabularies (since when, which
//! equipment, which lights) and their values, drawn once per message.
use rand::Rng;

use crate::network::PlanSpec;
use crate::places;
use crate::random::pick;

const SINCE: &[&str] = &[
    "ontem à noite",
    "hoje de manhã",
    "ontem",
    "anteontem",
    "sábado",
    "domingo à tarde",
    "segunda-feira",
    "a madrugada",
    "o temporal de ontem",
    "a queda de energia de ontem",
];

const ONUS: &[&str] = &[
    "a ONU",
    "a ONT",
    "o aparelho da fibra",
    "o modem da fibra",
    "a caixinha da fibra",
    "a ONU Huawei",
    "a ONU ZTE",
    "a ONU Intelbras",
];

const LIGHTS: &[&str] = &[
    "a luz LOS vermelha acesa",
    "a LOS vermelha piscando",
    "a luz PON piscando",
    "uma luz vermelha acesa",
    "a luz de internet apagada",
    "todas as luzes apagadas",
    "a luz PON apagada",
];

const ROUTERS: &[&str] = &[
    "o roteador",
    "o roteador TP-Link",
    "o roteador Intelbras",
    "o roteador Mercusys",
    "o roteador D-Link",
    "o roteador mesh",
    "o roteador que vocês instalaram",
];

/// Times of day when the connection fails; the first five are in the evening.
const PERIODS: &[&str] = &[
    "à noite",
    "depois das 19h",
    "no horário de pico",
    "à noite e nos fins de semana",
    "entre 20h e 23h",
    "de manhã cedo",
    "no meio da tarde",
];

/// The values of one message's placeholders, drawn when first used.
pub(super) struct Fill<'a> {
    plan: &'a PlanSpec,
    drawn: Vec<(&'static str, String)>,
}

impl<'a> Fill<'a> {
    pub(super) fn new(plan: &'a PlanSpec) -> Self {
        Self {
            plan,
            drawn: Vec::new(),
        }
    }

    /// The value of `key`, the same every time within the message.
    fn get(&mut self, rng: &mut impl Rng, key: &'static str) -> String {
        if let Some((_, value)) = self.drawn.iter().find(|(drawn, _)| *drawn == key) {
            return value.clone();
        }
        let value = self.value(rng, key);
        self.drawn.push((key, value.clone()));
        value
    }

    fn value(&mut self, rng: &mut impl Rng, key: &'static str) -> String {
        let plan = self.plan;
        match key {
            "since" => (*pick(rng, SINCE)).to_string(),
            "days" => rng.gen_range(2..5).to_string(),
            "onu" => (*pick(rng, ONUS)).to_string(),
            "Onu" => capitalized(&self.get(rng, "onu")),
            "to_onu" => to_the(&self.get(rng, "onu")),
            "router" => (*pick(rng, ROUTERS)).to_string(),
            "Router" => capitalized(&self.get(rng, "router")),
            "light" => (*pick(rng, LIGHTS)).to_string(),
            "los" => (*pick(rng, &["acesa", "piscando"])).to_string(),
            "period" => (*pick(rng, PERIODS)).to_string(),
            "night" => (*pick(rng, &PERIODS[..5])).to_string(),
            "often" => (*pick(
                rng,
                &[
                    "a cada 10 minutos",
                    "umas cinco vezes por dia",
                    "toda hora",
                    "várias vezes por hora",
                ],
            ))
            .to_string(),
            "morning" => rng.gen_range(7..12).to_string(),
            "evening" => rng.gen_range(13..23).to_string(),
            "plan" => plan.name.to_string(),
            "measured" => (i64::from(plan.download_mbps) * rng.gen_range(5_i64..40) / 100)
                .max(1)
                .to_string(),
            "devices" => rng.gen_range(3..15).to_string(),
            "price" => format!("{},{:02}", plan.price_cents / 100, plan.price_cents % 100),
            "paid_when" => (*pick(
                rng,
                &["ontem", "hoje cedo", "na sexta-feira", "há dois dias"],
            ))
            .to_string(),
            "paid_how" => (*pick(
                rng,
                &["pelo PIX", "na lotérica", "pelo aplicativo do banco"],
            ))
            .to_string(),
            "due_day" => pick(rng, &[5, 10, 15, 20, 25]).to_string(),
            "months" => rng.gen_range(2..7).to_string(),
            "day" => rng.gen_range(1..29).to_string(),
            "street" => places::street(rng).to_string(),
            "number" => rng.gen_range(1..2_000).to_string(),
            "past_day" => {
                (*pick(rng, &["ontem", "sábado", "segunda-feira", "hoje de manhã"])).to_string()
            }
            _ => format!("{{{key}}}"),
        }
    }

    /// Appends `template` to `out` with its placeholders filled in.
    pub(super) fn render(&mut self, rng: &mut impl Rng, template: &'static str, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let value = self.get(rng, &rest[open + 1..open + close]);
            out.push_str(&value);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
    }
}

/// `text` with its first letter in upper case.
pub(super) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "a ONU" → "à ONU", "o modem" → "ao modem".
fn to_the(thing: &str) -> String {
    match thing.split_once(' ') {
        Some(("a", rest)) => format!("à {rest}"),
        Some(("o", rest)) => format!("ao {rest}"),
        _ => thing.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::PLANS;
    use crate::random::{stream, Part};

    #[test]
    fn placeholders_are_consistent_within_a_message() {
        let mut rng = stream(4, Part::Messages);
        let mut fill = Fill::new(&PLANS[0]);
        let mut out = String::new();
        fill.render(&mut rng, "{onu}|{Onu}|{to_onu}", &mut out);
        let parts: Vec<&str> = out.split('|').collect();
        assert_eq!(capitalized(parts[0]), parts[1]);
        assert_eq!(to_the(parts[0]), parts[2]);
    }

    #[test]
    fn articles() {
        assert_eq!(to_the("a ONU"), "à ONU");
        assert_eq!(to_the("o modem da fibra"), "ao modem da fibra");
        assert_eq!(capitalized("o roteador"), "O roteador");
    }
}
