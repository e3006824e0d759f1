//! Customers: people (CPF) and small businesses (CNPJ) with their addresses, e-mails,
//! phones and contracted plans.
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use helpdesk_store::customers::{NewCustomer, NewCustomerPlan};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::names::{self, slug};
use crate::network::{Access, Network, PLANS};
use crate::places::{self, CITIES};
use crate::random::{digits, pick, stream, weighted, Part};

/// The first customer code; codes are consecutive from here.
pub(crate) const FIRST_CODE: u64 = 1001;

/// The share of customers that are companies, in percent.
const COMPANY_PERCENT: u32 = 10;

const FREE_PROVIDERS: &[(&str, u32)] = &[
    ("gmail.com", 45),
    ("hotmail.com", 15),
    ("outlook.com", 8),
    ("yahoo.com.br", 7),
    ("uol.com.br", 5),
    ("bol.com.br", 5),
    ("icloud.com", 4),
    ("terra.com.br", 3),
    ("ig.com.br", 3),
    ("live.com", 3),
    ("globo.com", 2),
];

const COMPANY_MAILBOXES: &[&str] = &[
    "contato",
    "financeiro",
    "adm",
    "comercial",
    "atendimento",
    "gerencia",
];

const PLAN_STATUSES: &[(&str, u32)] = &[("Ativo", 86), ("Suspenso", 9), ("Cancelado", 5)];

/// Installation dates are drawn from 2015-01-01 to 2026-09-30 (days since 1970-01-01).
const INSTALLED_DAYS: (i64, i64) = (16_436, 20_726);

/// What the support messages need to know of a customer to write as them.
#[derive(Debug, Clone)]
pub(crate) struct Contact {
    pub code: u64,
    /// Who signs the messages: the person, or the company's contact person.
    pub signer: Box<str>,
    /// The name the company is known by, for a company.
    pub company: Option<Box<str>>,
    /// The address the customer writes from (one of theirs).
    pub email: Box<str>,
    /// The PPPoE login the customer quotes (one of theirs).
    pub login: Box<str>,
    /// The status of that plan: "Ativo", "Suspenso" or "Cancelado".
    pub status: &'static str,
    /// That plan, as an index in [`PLANS`].
    pub plan: usize,
}

/// Who a customer is: names, document, e-mails and the stem of their logins.
struct Identity {
    name: String,
    document: String,
    emails: Vec<String>,
    signer: String,
    company: Option<String>,
    login_stem: String,
}

/// A generated customer and the part of it the support messages use.
#[derive(Debug, Clone)]
pub(crate) struct Generated {
    pub customer: NewCustomer,
    pub contact: Contact,
    pub company: bool,
}

/// Generates customers one after the other, deterministically from the seed; e-mail
/// addresses, company domains and logins are unique.
pub(crate) struct CustomerGenerator<'a> {
    rng: ChaCha8Rng,
    network: &'a Network,
    plan_ids: &'a [Uuid],
    point_ids: &'a [Uuid],
    next_code: u64,
    /// Hashes of the e-mail addresses, domains and logins handed out (a collision of two
    /// 64-bit hashes would only add a number to an address).
    taken: HashSet<u64>,
    cities: Vec<(usize, u32)>,
}

impl<'a> CustomerGenerator<'a> {
    /// `plan_ids` are in the order of [`PLANS`], `point_ids` in that of `network.points`.
    pub(crate) fn new(
        seed: u64,
        network: &'a Network,
        plan_ids: &'a [Uuid],
        point_ids: &'a [Uuid],
    ) -> Self {
        Self {
            rng: stream(seed, Part::Customers),
            network,
            plan_ids,
            point_ids,
            next_code: FIRST_CODE,
            taken: HashSet::new(),
            cities: CITIES
                .iter()
                .enumerate()
                .map(|(index, city)| (index, city.weight))
                .collect(),
        }
    }

    /// The next customer.
    pub(crate) fn next_customer(&mut self) -> Generated {
        let code = self.next_code;
        self.next_code += 1;
        let city_index = *weighted(&mut self.rng, &self.cities);
        let city = &CITIES[city_index];
        let address = places::address(&mut self.rng, city);
        let company = self.rng.gen_range(0..100) < COMPANY_PERCENT;

        let identity = if company {
            self.company_identity(city.name)
        } else {
            self.person_identity()
        };

        let mut phones = Vec::with_capacity(2);
        if company && self.rng.gen_bool(0.7) {
            phones.push(places::landline_phone(&mut self.rng, city.area_code));
        } else {
            phones.push(places::mobile_phone(&mut self.rng, city.area_code));
        }
        if self.rng.gen_bool(0.4) {
            phones.push(if self.rng.gen_bool(0.6) {
                places::mobile_phone(&mut self.rng, city.area_code)
            } else {
                places::landline_phone(&mut self.rng, city.area_code)
            });
        }

        let plan_count = if self.rng.gen_bool(if company { 0.3 } else { 0.12 }) {
            2
        } else {
            1
        };
        let plans: Vec<(NewCustomerPlan, &'static str, usize)> = (0..plan_count)
            .map(|_| self.plan(company, city_index, address.district, &identity.login_stem))
            .collect();

        let email = pick(&mut self.rng, &identity.emails).as_str().into();
        let (plan, status, spec) = pick(&mut self.rng, &plans);
        let contact = Contact {
            code,
            signer: identity.signer.into(),
            company: identity.company.map(String::into_boxed_str),
            email,
            login: plan.login.as_str().into(),
            status,
            plan: *spec,
        };
        let plans = plans.into_iter().map(|(plan, _, _)| plan).collect();
        let customer = NewCustomer {
            code: code.to_string(),
            name: identity.name,
            document: identity.document,
            street: address.street.to_string(),
            number: address.number,
            district: address.district.to_string(),
            city: city.name.to_string(),
            state: city.state.to_string(),
            postal_code: address.postal_code,
            emails: identity.emails,
            phones,
            plans,
        };
        Generated {
            customer,
            contact,
            company,
        }
    }

    /// A person, with a CPF.
    fn person_identity(&mut self) -> Identity {
        let name = names::person(&mut self.rng);
        let (first, last) = (slug(name.first), slug(name.last));
        let document = names::cpf_digits(&mut self.rng);
        let count = if self.rng.gen_bool(0.3) { 2 } else { 1 };
        let emails = (0..count)
            .map(|_| {
                let local = self.personal_local_part(&first, &last);
                let provider = *weighted(&mut self.rng, FREE_PROVIDERS);
                self.unique_email(&local, provider)
            })
            .collect();
        Identity {
            signer: format!("{} {}", name.first, name.last),
            name: name.full,
            document,
            emails,
            company: None,
            login_stem: format!("{first}.{last}"),
        }
    }

    /// A company, with a CNPJ and a contact person.
    fn company_identity(&mut self, city: &str) -> Identity {
        let name = names::company(&mut self.rng);
        let document = names::cnpj_digits(&mut self.rng);
        let owner = names::person(&mut self.rng);
        let mut emails = Vec::with_capacity(2);
        if self.rng.gen_bool(0.6) {
            let domain = self.unique_domain(&slug(&name.trade), &slug(city));
            let mailbox = pick(&mut self.rng, COMPANY_MAILBOXES);
            emails.push(format!("{mailbox}@{domain}"));
        } else {
            let provider = *weighted(&mut self.rng, FREE_PROVIDERS);
            emails.push(self.unique_email(&slug(&name.trade), provider));
        }
        if self.rng.gen_bool(0.4) {
            let local = self.personal_local_part(&slug(owner.first), &slug(owner.last));
            let provider = *weighted(&mut self.rng, FREE_PROVIDERS);
            emails.push(self.unique_email(&local, provider));
        }
        Identity {
            signer: format!("{} {}", owner.first, owner.last),
            login_stem: slug(&name.brand),
            name: name.full,
            document,
            emails,
            company: Some(name.trade),
        }
    }

    /// "joao.silva", "joaosilva", "jsilva", "joao_silva87", "silva.joao" ...
    fn personal_local_part(&mut self, first: &str, last: &str) -> String {
        let initial = first.get(..1).unwrap_or(first);
        match self.rng.gen_range(0..8) {
            0 | 1 => format!("{first}.{last}"),
            2 => format!("{first}{last}"),
            3 => format!("{first}_{last}"),
            4 => format!("{initial}{last}"),
            5 => format!("{first}.{last}{}", self.rng.gen_range(60..100)),
            6 => format!("{first}{last}{}", digits(&mut self.rng, 2)),
            _ => format!("{last}.{first}"),
        }
    }

    /// `local@provider`, or with a number added to `local` when that is taken.
    fn unique_email(&mut self, local: &str, provider: &str) -> String {
        let mut candidate = format!("{local}@{provider}");
        let mut width = 2;
        for attempt in 0.. {
            if self.claim(&candidate) {
                break;
            }
            if attempt % 4 == 3 {
                width += 1;
            }
            candidate = format!("{local}{}@{provider}", digits(&mut self.rng, width));
        }
        candidate
    }

    /// A company domain not used by another customer: "padariapaoquente.com.br", then with
    /// the city, then with a number.
    fn unique_domain(&mut self, trade: &str, city: &str) -> String {
        let mut candidate = format!("{trade}.com.br");
        if !self.claim(&format!("@{candidate}")) {
            candidate = format!("{trade}{city}.com.br");
            while !self.claim(&format!("@{candidate}")) {
                candidate = format!("{trade}{city}{}.com.br", digits(&mut self.rng, 3));
            }
        }
        candidate
    }

    /// A contracted plan with a unique PPPoE login such as "joao.silva1234", its status and
    /// its index in [`PLANS`].
    fn plan(
        &mut self,
        company: bool,
        city: usize,
        district: &str,
        login_base: &str,
    ) -> (NewCustomerPlan, &'static str, usize) {
        let radio = self.network.has_radio(city);
        let plan = loop {
            let plan = self.rng.gen_range(0..PLANS.len());
            let spec = &PLANS[plan];
            let weight = if company {
                spec.business_weight
            } else {
                spec.home_weight
            };
            if (radio || spec.access != Access::Radio) && self.rng.gen_range(0..30) < weight {
                break plan;
            }
        };
        let point = self
            .network
            .serving_point(&mut self.rng, PLANS[plan].access, city, district);
        let login = loop {
            let candidate = format!("{login_base}{}", self.rng.gen_range(1_000..10_000));
            if self.claim(&candidate) {
                break candidate;
            }
        };
        let days = self.rng.gen_range(INSTALLED_DAYS.0..=INSTALLED_DAYS.1);
        let status = *weighted(&mut self.rng, PLAN_STATUSES);
        let new_plan = NewCustomerPlan {
            plan_id: self.plan_ids[plan],
            routing_point_id: self.point_ids[point],
            login,
            status: status.to_string(),
            installed_on: iso_date(days),
        };
        (new_plan, status, plan)
    }

    /// Marks `key` as used; false when it already was.
    fn claim(&mut self, key: &str) -> bool {
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        self.taken.insert(hasher.finish())
    }
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (proleptic Gregorian calendar).
pub(crate) fn iso_date(days: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use helpdesk_core::document::{Document, DocumentKind};

    use super::*;

    fn generate(seed: u64, count: usize) -> Vec<Generated> {
        let network = Network::new(&mut stream(seed, Part::Catalog));
        let plan_ids: Vec<Uuid> = (0..PLANS.len() as u128).map(Uuid::from_u128).collect();
        let point_ids: Vec<Uuid> = (0..network.points.len() as u128)
            .map(|n| Uuid::from_u128(1_000 + n))
            .collect();
        let mut generator = CustomerGenerator::new(seed, &network, &plan_ids, &point_ids);
        (0..count).map(|_| generator.next_customer()).collect()
    }

    #[test]
    fn same_seed_same_customers() {
        let key = |g: &Generated| {
            let c = &g.customer;
            let logins: Vec<_> = c.plans.iter().map(|p| p.login.clone()).collect();
            (
                c.code.clone(),
                c.name.clone(),
                c.document.clone(),
                c.emails.clone(),
                logins,
            )
        };
        let first: Vec<_> = generate(42, 300).iter().map(key).collect();
        let again: Vec<_> = generate(42, 300).iter().map(key).collect();
        let other: Vec<_> = generate(43, 300).iter().map(key).collect();
        assert_eq!(first, again);
        assert_ne!(first, other);
        assert_eq!(first[0].0, "1001");
        assert_eq!(first[299].0, "1300");
    }

    #[test]
    fn documents_match_the_kind_of_customer() {
        let customers = generate(5, 3_000);
        let companies = customers.iter().filter(|g| g.company).count();
        assert!((150..=450).contains(&companies), "{companies} companies");
        for generated in &customers {
            let document = Document::parse(&generated.customer.document).expect("valid document");
            let expected = if generated.company {
                DocumentKind::Cnpj
            } else {
                DocumentKind::Cpf
            };
            assert_eq!(document.kind(), expected, "{:?}", generated.customer);
        }
    }

    #[test]
    fn logins_and_emails_are_unique_and_plain() {
        let customers = generate(9, 20_000);
        let mut logins = HashSet::new();
        let mut emails = HashSet::new();
        for generated in &customers {
            let customer = &generated.customer;
            for plan in &customer.plans {
                assert!(logins.insert(plan.login.clone()), "{}", plan.login);
                assert!(plan
                    .login
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.'));
            }
            for email in &customer.emails {
                assert!(emails.insert(email.clone()), "{email}");
                assert!(email.is_ascii() && !email.contains(' '), "{email}");
            }
            assert!(customer
                .emails
                .iter()
                .any(|e| **e == *generated.contact.email));
            assert!(customer
                .plans
                .iter()
                .any(|p| *p.login == *generated.contact.login));
            assert!((1..=2).contains(&customer.phones.len()));
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(INSTALLED_DAYS.0), "2015-01-01");
        assert_eq!(iso_date(INSTALLED_DAYS.1), "2026-09-30");
        assert_eq!(iso_date(19_782), "2024-02-29");
    }
}
