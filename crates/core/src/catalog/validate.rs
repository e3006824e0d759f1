//! Checking a catalog form: every field trimmed and read, every reason at its field, in
//! pt-BR like the wizard's.
use std::net::IpAddr;

use super::{fields, parse_price, CatalogFields, CatalogValues};
use crate::form::{optional_text, required_text, FieldError, FieldErrors};
use crate::work_order::{MAX_VISIT_MINUTES, SNAP_MINUTES};

/// The longest name of an entry.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest of the other texts (a plan's technology, a routing point's type…).
pub const MAX_TEXT_CHARS: usize = 60;
/// The longest address and phone.
const MAX_ADDRESS_CHARS: usize = 200;
const MAX_PHONE_CHARS: usize = 30;
/// The longest SLA: a year.
pub const MAX_SLA_HOURS: u32 = 8_760;
/// The longest usual duration of a work-order type: a visit's longest (a day).
pub const MAX_WORK_ORDER_MINUTES: u32 = MAX_VISIT_MINUTES as u32;
/// The fastest plan.
pub const MAX_PLAN_MBPS: u32 = 100_000;

impl CatalogFields {
    /// The fields trimmed and normalised (the IP as written by the standard library, the
    /// price as "R$ 99,90"), or every reason at its field.
    pub fn validate(&self) -> Result<CatalogFields, Vec<FieldError>> {
        self.parse().map(|values| values.fields())
    }

    /// The checked values the store writes, or every reason at its field.
    pub fn parse(&self) -> Result<CatalogValues, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let name = required_text(
            &mut errors,
            fields::NAME,
            "o nome",
            self.name(),
            MAX_NAME_CHARS,
        )
        .unwrap_or_default();
        let values = match self {
            CatalogFields::Roles {
                administrator,
                edits_customers,
                ..
            } => CatalogValues::Roles {
                name,
                administrator: *administrator,
                edits_customers: *edits_customers,
            },
            CatalogFields::Teams { .. } => CatalogValues::Teams { name },
            CatalogFields::ContactRoles { .. } => CatalogValues::ContactRoles { name },
            CatalogFields::TicketTypes {
                destination,
                sla_hours,
                sla_calendar,
                ..
            } => CatalogValues::TicketTypes {
                name,
                destination: destination.clone(),
                sla_calendar: *sla_calendar,
                sla_hours: whole_number(
                    &mut errors,
                    fields::SLA_HOURS,
                    sla_hours,
                    1..=MAX_SLA_HOURS,
                    "Informe o prazo em horas: um número inteiro de 1 a 8760.",
                ),
            },
            CatalogFields::WorkOrderTypes {
                minutes,
                site_survey,
                color,
                ..
            } => CatalogValues::WorkOrderTypes {
                name,
                minutes: work_order_minutes(&mut errors, minutes),
                site_survey: *site_survey,
                color: hex_color(&mut errors, color),
            },
            CatalogFields::WorkOrderStatuses { stage, color, .. } => {
                CatalogValues::WorkOrderStatuses {
                    name,
                    stage: *stage,
                    color: hex_color(&mut errors, color),
                }
            }
            CatalogFields::Technicians {
                team_id,
                user_id,
                phone,
                ..
            } => {
                if team_id.is_none() {
                    errors.add(fields::TEAM, "Escolha a equipe do técnico.");
                }
                CatalogValues::Technicians {
                    name,
                    team_id: team_id.unwrap_or_default(),
                    user_id: *user_id,
                    phone: optional_text(&mut errors, fields::PHONE, phone, MAX_PHONE_CHARS)
                        .unwrap_or_default(),
                }
            }
            CatalogFields::RoutingPoints {
                kind,
                address,
                ip,
                status,
                ..
            } => CatalogValues::RoutingPoints {
                name,
                kind: required_text(&mut errors, fields::KIND, "o tipo", kind, MAX_TEXT_CHARS)
                    .unwrap_or_default(),
                address: required_text(
                    &mut errors,
                    fields::ADDRESS,
                    "o endereço",
                    address,
                    MAX_ADDRESS_CHARS,
                )
                .unwrap_or_default(),
                ip: ip_address(&mut errors, ip),
                status: required_text(
                    &mut errors,
                    fields::STATUS,
                    "a situação",
                    status,
                    MAX_TEXT_CHARS,
                )
                .unwrap_or_default(),
            },
            CatalogFields::Plans {
                technology,
                download_mbps,
                upload_mbps,
                price,
                ..
            } => CatalogValues::Plans {
                name,
                technology: required_text(
                    &mut errors,
                    fields::TECHNOLOGY,
                    "a tecnologia",
                    technology,
                    MAX_TEXT_CHARS,
                )
                .unwrap_or_default(),
                download_mbps: speed(&mut errors, fields::DOWNLOAD, download_mbps),
                upload_mbps: speed(&mut errors, fields::UPLOAD, upload_mbps),
                price_cents: parse_price(price).unwrap_or_else(|| {
                    errors.add(
                        fields::PRICE,
                        "Informe o preço em reais, por exemplo 99,90 ou R$ 1.299,90.",
                    );
                    0
                }),
            },
        };
        errors.into_result(|| values)
    }
}

/// A whole number in `range`, or 0 with `message` recorded at `field`.
fn whole_number(
    errors: &mut FieldErrors,
    field: &str,
    typed: &str,
    range: std::ops::RangeInclusive<u32>,
    message: &str,
) -> u32 {
    let typed = typed.trim();
    let number = typed
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| typed.parse::<u32>().ok())
        .flatten()
        .filter(|number| range.contains(number));
    number.unwrap_or_else(|| {
        errors.add(field, message);
        0
    })
}

/// The usual duration: whole minutes on the agenda's 15-minute grid, at most a day.
fn work_order_minutes(errors: &mut FieldErrors, typed: &str) -> u32 {
    let step = SNAP_MINUTES as u32;
    let message = "Informe a duração em minutos, de 15 em 15 (15, 30, 45…), até 1440 (um dia).";
    let minutes = whole_number(
        errors,
        fields::MINUTES,
        typed,
        step..=MAX_WORK_ORDER_MINUTES,
        message,
    );
    if !minutes.is_multiple_of(step) {
        errors.add(fields::MINUTES, message);
    }
    minutes
}

/// Whole Mbps from 1 to [`MAX_PLAN_MBPS`].
fn speed(errors: &mut FieldErrors, field: &str, typed: &str) -> u32 {
    whole_number(
        errors,
        field,
        typed,
        1..=MAX_PLAN_MBPS,
        "Informe a velocidade em Mbps: um número inteiro de 1 a 100000.",
    )
}

/// `#rrggbb`, as typed (trimmed).
fn hex_color(errors: &mut FieldErrors, typed: &str) -> String {
    let typed = typed.trim();
    let valid = typed
        .strip_prefix('#')
        .is_some_and(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()));
    if !valid {
        errors.add(
            fields::COLOR,
            "Use uma cor no formato #rrggbb, por exemplo #1e88e5.",
        );
    }
    typed.to_owned()
}

/// An IPv4 or IPv6 address, as the standard library writes it.
fn ip_address(errors: &mut FieldErrors, typed: &str) -> String {
    match typed.trim().parse::<IpAddr>() {
        Ok(ip) => ip.to_string(),
        Err(_) => {
            errors.add(
                fields::IP,
                "Informe um endereço IP válido, por exemplo 10.0.0.1 ou 2001:db8::1.",
            );
            typed.trim().to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use crate::work_order_life::WorkOrderStage;

    use super::*;

    fn fields_of(form: &CatalogFields) -> Vec<String> {
        form.parse()
            .expect_err("refused")
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    fn work_order_type(minutes: &str, color: &str) -> CatalogFields {
        CatalogFields::WorkOrderTypes {
            name: "Instalação".into(),
            minutes: minutes.into(),
            site_survey: false,
            color: color.into(),
        }
    }

    fn plan(download: &str, upload: &str, price: &str) -> CatalogFields {
        CatalogFields::Plans {
            name: " Fibra 500 ".into(),
            technology: "Fibra".into(),
            download_mbps: download.into(),
            upload_mbps: upload.into(),
            price: price.into(),
        }
    }

    #[test]
    fn the_name_is_required_trimmed_and_at_most_80_characters() {
        let empty = CatalogFields::Teams { name: "  ".into() }.parse();
        assert_eq!(
            empty.expect_err("empty"),
            [FieldError::new(fields::NAME, "Preencha o nome.")]
        );
        let long = CatalogFields::ContactRoles {
            name: "x".repeat(81),
        };
        assert_eq!(fields_of(&long), [fields::NAME]);
        let trimmed = CatalogFields::Teams {
            name: " Equipe Norte ".into(),
        };
        assert_eq!(
            trimmed.validate(),
            Ok(CatalogFields::Teams {
                name: "Equipe Norte".into()
            })
        );
    }

    #[test]
    fn a_ticket_types_sla_is_whole_hours_up_to_a_year() {
        let kind = |sla: &str| CatalogFields::TicketTypes {
            name: "Lentidão".into(),
            destination: None,
            sla_hours: sla.into(),
            sla_calendar: true,
        };
        for bad in ["", "0", "8761", "1,5", "-2", "24h", "abc"] {
            assert_eq!(fields_of(&kind(bad)), [fields::SLA_HOURS], "{bad}");
        }
        for (good, hours) in [("1", 1), (" 24 ", 24), ("8760", 8_760)] {
            let values = kind(good).parse().expect(good);
            assert!(
                matches!(values, CatalogValues::TicketTypes { sla_hours, sla_calendar: true, .. } if sla_hours == hours),
                "calendar hours kept"
            );
        }
    }

    #[test]
    fn a_work_order_types_duration_follows_the_agendas_grid() {
        for bad in ["", "0", "10", "20", "1445", "1455", "90.0", "1:30"] {
            assert_eq!(
                fields_of(&work_order_type(bad, "#2e7d32")),
                [fields::MINUTES],
                "{bad}"
            );
        }
        for good in ["15", "90", "1440"] {
            assert!(work_order_type(good, "#2E7D32").parse().is_ok(), "{good}");
        }
    }

    #[test]
    fn colours_are_six_hex_digits() {
        for bad in ["", "2e7d32", "#2e7d3", "#2e7d32f", "#gggggg", "red"] {
            assert_eq!(
                fields_of(&work_order_type("60", bad)),
                [fields::COLOR],
                "{bad}"
            );
        }
        let status = CatalogFields::WorkOrderStatuses {
            name: "Aberta".into(),
            stage: WorkOrderStage::Open,
            color: " #1E88E5 ".into(),
        };
        assert!(
            matches!(status.parse(), Ok(CatalogValues::WorkOrderStatuses { color, .. }) if color == "#1E88E5")
        );
    }

    #[test]
    fn a_routing_points_ip_is_v4_or_v6_and_its_texts_are_required() {
        let point = |ip: &str| CatalogFields::RoutingPoints {
            name: "OLT Centro".into(),
            kind: "OLT".into(),
            address: "Rua A, 1".into(),
            ip: ip.into(),
            status: "Operacional".into(),
        };
        for bad in ["", "10.0.0", "10.0.0.256", "fibra", "2001:db8::g"] {
            assert_eq!(fields_of(&point(bad)), [fields::IP], "{bad}");
        }
        let v6 = point(" 2001:0DB8::0001 ").validate().expect("v6");
        assert!(matches!(v6, CatalogFields::RoutingPoints { ip, .. } if ip == "2001:db8::1"));
        assert!(point("10.0.0.1").parse().is_ok());
        let blank = CatalogFields::RoutingPoints {
            name: "OLT".into(),
            kind: " ".into(),
            address: String::new(),
            ip: "10.0.0.1".into(),
            status: String::new(),
        };
        assert_eq!(
            fields_of(&blank),
            [fields::KIND, fields::ADDRESS, fields::STATUS]
        );
    }

    #[test]
    fn a_plan_has_whole_speeds_and_a_price_in_reais() {
        let values = plan("500", "250", "R$ 1.299,90").parse().expect("plan");
        assert_eq!(
            values,
            CatalogValues::Plans {
                name: "Fibra 500".into(),
                technology: "Fibra".into(),
                download_mbps: 500,
                upload_mbps: 250,
                price_cents: 129_990,
            }
        );
        assert!(
            matches!(plan("500", "250", "99,9").validate(), Ok(CatalogFields::Plans { price, .. }) if price == "R$ 99,90")
        );
        assert_eq!(
            fields_of(&plan("0", "100001", "99.90")),
            [fields::DOWNLOAD, fields::UPLOAD, fields::PRICE]
        );
    }

    #[test]
    fn a_technician_needs_a_team() {
        let technician = |team_id| CatalogFields::Technicians {
            name: "Rafael Lima".into(),
            team_id,
            user_id: None,
            phone: " (11) 98765-4321 ".into(),
        };
        assert_eq!(fields_of(&technician(None)), [fields::TEAM]);
        let team = Uuid::from_u128(7);
        assert_eq!(
            technician(Some(team)).parse(),
            Ok(CatalogValues::Technicians {
                name: "Rafael Lima".into(),
                team_id: team,
                user_id: None,
                phone: "(11) 98765-4321".into(),
            })
        );
    }

    #[test]
    fn every_wrong_field_is_told_at_once() {
        let errors = fields_of(&CatalogFields::WorkOrderTypes {
            name: String::new(),
            minutes: "7".into(),
            site_survey: true,
            color: "azul".into(),
        });
        assert_eq!(errors, [fields::NAME, fields::MINUTES, fields::COLOR]);
    }
}
