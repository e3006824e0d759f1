//! The provider's plans and network: OLTs, PPPoE concentrators and radio POPs per city.
use helpdesk_core::catalog::CatalogValues;
use helpdesk_core::text;
use helpdesk_store::catalog::NewRoutingPoint;
use rand::Rng;

use crate::places::{self, CITIES};
use crate::random::weighted;

/// How a plan reaches the customer, which decides the node that serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    Fiber,
    Radio,
    Dedicated,
}

/// A plan of the provider's price list.
#[derive(Debug)]
pub(crate) struct PlanSpec {
    pub name: &'static str,
    pub technology: &'static str,
    pub download_mbps: u32,
    pub upload_mbps: u32,
    pub price_cents: i64,
    pub access: Access,
    /// How often homes contract it, relatively.
    pub home_weight: u32,
    /// How often companies contract it, relatively.
    pub business_weight: u32,
}

pub(crate) const PLANS: &[PlanSpec] = &[
    PlanSpec {
        name: "FIBRA 100M",
        technology: "Fibra óptica",
        download_mbps: 100,
        upload_mbps: 50,
        price_cents: 8_990,
        access: Access::Fiber,
        home_weight: 12,
        business_weight: 2,
    },
    PlanSpec {
        name: "FIBRA 300M",
        technology: "Fibra óptica",
        download_mbps: 300,
        upload_mbps: 150,
        price_cents: 9_990,
        access: Access::Fiber,
        home_weight: 30,
        business_weight: 8,
    },
    PlanSpec {
        name: "FIBRA 500M",
        technology: "Fibra óptica",
        download_mbps: 500,
        upload_mbps: 250,
        price_cents: 11_990,
        access: Access::Fiber,
        home_weight: 26,
        business_weight: 10,
    },
    PlanSpec {
        name: "FIBRA 700M",
        technology: "Fibra óptica",
        download_mbps: 700,
        upload_mbps: 350,
        price_cents: 14_990,
        access: Access::Fiber,
        home_weight: 8,
        business_weight: 4,
    },
    PlanSpec {
        name: "FIBRA 1G",
        technology: "Fibra óptica",
        download_mbps: 1_000,
        upload_mbps: 500,
        price_cents: 19_990,
        access: Access::Fiber,
        home_weight: 10,
        business_weight: 6,
    },
    PlanSpec {
        name: "RÁDIO 10M",
        technology: "Rádio 5,8 GHz",
        download_mbps: 10,
        upload_mbps: 2,
        price_cents: 6_990,
        access: Access::Radio,
        home_weight: 4,
        business_weight: 0,
    },
    PlanSpec {
        name: "RÁDIO 20M",
        technology: "Rádio 5,8 GHz",
        download_mbps: 20,
        upload_mbps: 5,
        price_cents: 8_990,
        access: Access::Radio,
        home_weight: 6,
        business_weight: 2,
    },
    PlanSpec {
        name: "EMPRESARIAL 300M",
        technology: "Fibra óptica",
        download_mbps: 300,
        upload_mbps: 300,
        price_cents: 24_990,
        access: Access::Fiber,
        home_weight: 0,
        business_weight: 25,
    },
    PlanSpec {
        name: "EMPRESARIAL 500M DEDICADO",
        technology: "Link dedicado (fibra)",
        download_mbps: 500,
        upload_mbps: 500,
        price_cents: 149_900,
        access: Access::Dedicated,
        home_weight: 0,
        business_weight: 8,
    },
];

/// The plans as the store takes them, in the order of [`PLANS`].
pub(crate) fn new_plans() -> Vec<CatalogValues> {
    PLANS
        .iter()
        .map(|plan| CatalogValues::Plans {
            name: plan.name.to_string(),
            technology: plan.technology.to_string(),
            download_mbps: plan.download_mbps,
            upload_mbps: plan.upload_mbps,
            price_cents: plan.price_cents,
        })
        .collect()
}

/// A routing point ("Ponto de Roteamento") with the place it serves.
#[derive(Debug, Clone)]
pub(crate) struct PointSpec {
    pub point: NewRoutingPoint,
    pub district: &'static str,
}

/// The routing points of one city, as indexes into [`Network::points`].
#[derive(Debug, Default)]
struct CityPoints {
    olts: Vec<usize>,
    concentrators: Vec<usize>,
    pops: Vec<usize>,
}

/// The provider's network: every routing point, and which serve each city.
#[derive(Debug)]
pub(crate) struct Network {
    pub points: Vec<PointSpec>,
    by_city: Vec<CityPoints>,
}

const STATUSES: &[(&str, u32)] = &[("Operacional", 88), ("Em manutenção", 6), ("Degradado", 6)];

impl Network {
    /// Builds the network: one to three OLTs per city (more in the big ones), a PPPoE
    /// concentrator (two in the biggest) and a radio POP where there are rural outskirts.
    pub(crate) fn new(rng: &mut impl Rng) -> Self {
        let mut points = Vec::new();
        let mut by_city = Vec::with_capacity(CITIES.len());
        for (index, city) in CITIES.iter().enumerate() {
            let subnet = 10 + index;
            let mut serving = CityPoints::default();
            let big = city.weight >= 20;
            let olts = 1 + usize::from(city.weight >= 10) + usize::from(big);
            for (k, district) in city.districts.iter().take(olts).enumerate() {
                serving.olts.push(points.len());
                points.push(point(
                    rng,
                    format!("OLT-{}-{}-01", city.code, upper_slug(district)),
                    "OLT",
                    (index, district),
                    format!("10.{subnet}.{}.1", k + 1),
                ));
            }
            let zones: &[&str] = if big {
                &["ZONA-NORTE", "ZONA-SUL"]
            } else {
                &["01"]
            };
            for (k, zone) in zones.iter().enumerate() {
                serving.concentrators.push(points.len());
                points.push(point(
                    rng,
                    format!("BRAS-{}-{zone}", city.code),
                    "Concentrador PPPoE",
                    (index, city.districts[0]),
                    format!("10.{subnet}.0.{}", k + 1),
                ));
            }
            if city.has_radio {
                let district = city.districts[city.districts.len() - 1];
                serving.pops.push(points.len());
                points.push(point(
                    rng,
                    format!("POP-{}-{}", city.code, upper_slug(district)),
                    "POP",
                    (index, district),
                    format!("10.{subnet}.100.1"),
                ));
            }
            by_city.push(serving);
        }
        Self { points, by_city }
    }

    /// The routing points as the store takes them, in the order of [`Network::points`].
    pub(crate) fn new_routing_points(&self) -> Vec<CatalogValues> {
        self.points
            .iter()
            .map(|spec| {
                let point = spec.point.clone();
                CatalogValues::RoutingPoints {
                    name: point.name,
                    kind: point.kind,
                    address: point.address,
                    ip: point.ip,
                    status: point.status,
                }
            })
            .collect()
    }

    /// Whether radio plans are sold in the city.
    pub(crate) fn has_radio(&self, city: usize) -> bool {
        !self.by_city[city].pops.is_empty()
    }

    /// The node serving a connection of this kind at this place: the OLT of the district
    /// when there is one, else one of the city's.
    pub(crate) fn serving_point(
        &self,
        rng: &mut impl Rng,
        access: Access,
        city: usize,
        district: &str,
    ) -> usize {
        let serving = &self.by_city[city];
        let candidates = match access {
            Access::Radio if !serving.pops.is_empty() => &serving.pops,
            Access::Dedicated => &serving.concentrators,
            _ => &serving.olts,
        };
        candidates
            .iter()
            .copied()
            .find(|&index| self.points[index].district == district)
            .unwrap_or_else(|| candidates[rng.gen_range(0..candidates.len())])
    }
}

fn point(
    rng: &mut impl Rng,
    name: String,
    kind: &str,
    (city, district): (usize, &'static str),
    ip: String,
) -> PointSpec {
    let mut address = places::address(rng, &CITIES[city]);
    address.district = district;
    PointSpec {
        point: NewRoutingPoint {
            name,
            kind: kind.to_string(),
            address: places::one_line(&address, &CITIES[city]),
            ip,
            status: (*weighted(rng, STATUSES)).to_string(),
        },
        district,
    }
}

/// "Vila Mariana" → "VILA-MARIANA".
fn upper_slug(text: &str) -> String {
    text::fold(text).to_uppercase().replace(' ', "-")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::random::{stream, Part};

    #[test]
    fn every_city_is_served_and_names_are_unique() {
        let network = Network::new(&mut stream(1, Part::Catalog));
        let names: HashSet<_> = network.points.iter().map(|p| &p.point.name).collect();
        assert_eq!(names.len(), network.points.len());
        assert!(names.contains(&"OLT-SPO-MOEMA-01".to_string()));
        assert!(names.contains(&"BRAS-SPO-ZONA-SUL".to_string()));
        let mut rng = stream(1, Part::Customers);
        for (index, city) in CITIES.iter().enumerate() {
            for (access, kind) in [
                (Access::Fiber, "OLT"),
                (Access::Dedicated, "Concentrador PPPoE"),
            ] {
                let point = &network.points
                    [network.serving_point(&mut rng, access, index, city.districts[0])]
                .point;
                assert!(
                    point.name.contains(city.code),
                    "{} in {}",
                    point.name,
                    city.name
                );
                assert_eq!(point.kind, kind);
            }
            if city.has_radio {
                let point = &network.points
                    [network.serving_point(&mut rng, Access::Radio, index, "")]
                .point;
                assert_eq!(point.kind, "POP");
            }
        }
    }
}
