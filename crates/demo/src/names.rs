//! Brazilian people and company names, and their CPF/CNPJ.
use helpdesk_core::text;
use rand::Rng;

use crate::random::{digits, pick};

const MALE_FIRST: &[&str] = &[
    "João",
    "José",
    "Antônio",
    "Francisco",
    "Carlos",
    "Paulo",
    "Pedro",
    "Lucas",
    "Luiz",
    "Marcos",
    "Luís",
    "Gabriel",
    "Rafael",
    "Daniel",
    "Marcelo",
    "Bruno",
    "Eduardo",
    "Felipe",
    "Raimundo",
    "Rodrigo",
    "Sebastião",
    "Fábio",
    "André",
    "Leonardo",
    "Gustavo",
    "Thiago",
    "Matheus",
    "Vinícius",
    "Caio",
    "Diego",
    "Otávio",
    "Márcio",
    "Sérgio",
    "Cláudio",
    "Vítor",
    "Heitor",
    "Davi",
    "Arthur",
    "Bernardo",
    "Benedito",
    "Joaquim",
    "Renato",
    "Rogério",
    "Júlio",
    "Mário",
    "Édson",
    "Wellington",
    "Geraldo",
    "Valdir",
    "Jônatas",
    "Ícaro",
    "Caetano",
];

const FEMALE_FIRST: &[&str] = &[
    "Maria",
    "Ana",
    "Francisca",
    "Antônia",
    "Adriana",
    "Juliana",
    "Márcia",
    "Fernanda",
    "Patrícia",
    "Aline",
    "Sandra",
    "Camila",
    "Amanda",
    "Bruna",
    "Jéssica",
    "Letícia",
    "Júlia",
    "Luciana",
    "Vanessa",
    "Mariana",
    "Gabriela",
    "Beatriz",
    "Larissa",
    "Cláudia",
    "Simone",
    "Débora",
    "Rita",
    "Helena",
    "Alice",
    "Laura",
    "Valentina",
    "Sofia",
    "Lívia",
    "Cecília",
    "Giovana",
    "Natália",
    "Tânia",
    "Vera",
    "Lúcia",
    "Conceição",
    "Rosângela",
    "Fátima",
    "Raquel",
    "Priscila",
    "Renata",
    "Daniela",
    "Carla",
    "Sônia",
    "Regina",
    "Glória",
    "Inês",
];

const MALE_MIDDLE: &[&str] = &[
    "Carlos", "Pedro", "Paulo", "Henrique", "Augusto", "Eduardo", "Miguel", "Vítor", "Luiz",
    "Gabriel", "Antônio", "Roberto",
];

const FEMALE_MIDDLE: &[&str] = &[
    "Aparecida",
    "Cristina",
    "Clara",
    "Luíza",
    "Beatriz",
    "Helena",
    "Vitória",
    "Eduarda",
    "da Conceição",
    "de Fátima",
    "das Graças",
    "do Carmo",
    "de Lourdes",
    "da Penha",
];

const SURNAMES: &[&str] = &[
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Pinto",
    "Moura",
    "Cavalcanti",
    "Monteiro",
    "Correia",
    "Batista",
    "Campos",
    "Borges",
    "Siqueira",
    "Magalhães",
    "Brandão",
    "Assunção",
    "Figueiredo",
    "Leão",
    "Falcão",
    "Simões",
    "Guimarães",
    "Nogueira",
    "Sampaio",
    "Aragão",
    "Prado",
    "Queiroz",
    "Xavier",
    "Medeiros",
    "Bezerra",
    "Farias",
    "Damasceno",
    "Peixoto",
    "Coelho",
    "Tavares",
    "Macedo",
    "Reis",
    "Castro",
    "Miranda",
    "Pires",
    "Rezende",
    "Fonseca",
    "Brito",
    "Cunha",
    "Paiva",
    "Conceição",
    "Estêvão",
    "Calixto",
    "Romão",
];

/// Surnames as they usually follow the first name, with their particle.
const SURNAMES_WITH_PARTICLE: &[&str] = &[
    "da Silva",
    "dos Santos",
    "de Oliveira",
    "de Souza",
    "da Costa",
    "de Almeida",
    "de Jesus",
    "do Nascimento",
    "da Conceição",
    "dos Reis",
    "de Lima",
    "de Araújo",
    "da Rocha",
    "de Carvalho",
    "de Assis",
    "de Paula",
];

const BUSINESS_KINDS: &[&str] = &[
    "Padaria",
    "Mercado",
    "Mercearia",
    "Farmácia",
    "Auto Peças",
    "Oficina Mecânica",
    "Restaurante",
    "Pizzaria",
    "Lanchonete",
    "Pet Shop",
    "Clínica Odontológica",
    "Clínica Veterinária",
    "Academia",
    "Papelaria",
    "Materiais de Construção",
    "Salão de Beleza",
    "Pousada",
    "Escritório Contábil",
    "Imobiliária",
    "Distribuidora de Bebidas",
    "Açougue",
    "Sorveteria",
    "Ótica",
    "Escola Infantil",
    "Transportadora",
    "Hortifrúti",
    "Madeireira",
    "Vidraçaria",
    "Autoescola",
    "Laboratório",
];

const FANTASY_NAMES: &[&str] = &[
    "Pão Quente",
    "São Jorge",
    "Bom Preço",
    "Santa Luzia",
    "Estrela",
    "Boa Vista",
    "Progresso",
    "União",
    "Dois Irmãos",
    "Central",
    "Primavera",
    "Nova Era",
    "Sol Nascente",
    "Bela Vista",
    "Santo Antônio",
    "São Francisco",
    "Aliança",
    "Horizonte",
    "Imperial",
    "Real",
    "da Praça",
    "Bom Jesus",
    "Vitória",
    "Esperança",
    "Paraíso",
    "Alvorada",
    "Cristal",
    "Planalto",
    "Ipê Amarelo",
    "Jequitibá",
    "Beira Rio",
    "Três Corações",
];

const COMPANY_SUFFIXES: &[&str] = &["Ltda", "Ltda", "Ltda", "Ltda - ME", "ME", "EPP"];

/// A person's name in parts: the full name and the parts e-mails and logins are made of.
#[derive(Debug, Clone)]
pub(crate) struct PersonName {
    pub full: String,
    pub first: &'static str,
    pub last: &'static str,
}

/// A random person: "Maria da Conceição Gonçalves Araújo", "João Pedro Lima".
pub(crate) fn person(rng: &mut impl Rng) -> PersonName {
    let female = rng.gen_bool(0.5);
    let (first, middles) = if female {
        (*pick(rng, FEMALE_FIRST), FEMALE_MIDDLE)
    } else {
        (*pick(rng, MALE_FIRST), MALE_MIDDLE)
    };
    let mut full = String::from(first);
    if rng.gen_bool(0.3) {
        let middle = *pick(rng, middles);
        if !middle.contains(first) {
            full.push(' ');
            full.push_str(middle);
        }
    }
    let (first_surname, mut last) = loop {
        let surname = if rng.gen_bool(0.25) {
            *pick(rng, SURNAMES_WITH_PARTICLE)
        } else {
            *pick(rng, SURNAMES)
        };
        let word = surname.rsplit(' ').next().unwrap_or(surname);
        if !full.contains(word) {
            break (surname, word);
        }
    };
    full.push(' ');
    full.push_str(first_surname);
    if rng.gen_bool(0.7) {
        let second = *pick(rng, SURNAMES);
        if !full.contains(second) {
            full.push(' ');
            full.push_str(second);
            last = second;
        }
    }
    PersonName { full, first, last }
}

/// A company's name and the parts its e-mail domain and logins are made of.
#[derive(Debug, Clone)]
pub(crate) struct CompanyName {
    pub full: String,
    /// What the company is known by ("Padaria Pão Quente"), without the legal suffix.
    pub trade: String,
    /// The distinctive part ("Pão Quente", "Gonçalves").
    pub brand: String,
}

/// A random small business: "Padaria Pão Quente Ltda", "Farmácia Gonçalves ME".
pub(crate) fn company(rng: &mut impl Rng) -> CompanyName {
    let suffix = pick(rng, COMPANY_SUFFIXES);
    let roll = rng.gen_range(0..100);
    let (trade, brand) = if roll < 60 {
        let brand = (*pick(rng, FANTASY_NAMES)).to_string();
        (format!("{} {brand}", pick(rng, BUSINESS_KINDS)), brand)
    } else if roll < 85 {
        let brand = (*pick(rng, SURNAMES)).to_string();
        (format!("{} {brand}", pick(rng, BUSINESS_KINDS)), brand)
    } else {
        let brand = (*pick(rng, SURNAMES)).to_string();
        (format!("{brand} & Filhos Comércio"), brand)
    };
    CompanyName {
        full: format!("{trade} {suffix}"),
        trade,
        brand,
    }
}

/// `text` in lower case without accents, keeping only letters and digits:
/// "Pão Quente" → "paoquente".
pub(crate) fn slug(text: &str) -> String {
    text::fold(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The digits of a random valid CPF.
pub(crate) fn cpf_digits(rng: &mut impl Rng) -> String {
    loop {
        let cpf: cpf::Cpf = rng.gen();
        if cpf::valid(cpf.as_str()) {
            return cpf.as_str().to_string();
        }
    }
}

/// The digits of a random valid CNPJ of a head office (branch `0001`, as most small
/// businesses have).
pub(crate) fn cnpj_digits(rng: &mut impl Rng) -> String {
    let mut cnpj = loop {
        let root = digits(rng, 8);
        if root.bytes().any(|digit| digit != root.as_bytes()[0]) {
            break root;
        }
    };
    cnpj.push_str("0001");
    for _ in 0..2 {
        let check = cnpj_check_digit(&cnpj);
        cnpj.push(char::from(b'0' + check));
    }
    cnpj
}

/// The next CNPJ check digit of `digits` (12 or 13 of them).
fn cnpj_check_digit(digits: &str) -> u8 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(position, digit)| u32::from(digit - b'0') * (position as u32 % 8 + 2))
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        rest => (11 - rest) as u8,
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::document::{Document, DocumentKind};

    use super::*;
    use crate::random::{stream, Part};

    #[test]
    fn documents_are_valid() {
        let mut rng = stream(7, Part::Customers);
        for _ in 0..2_000 {
            let cpf = Document::parse(&cpf_digits(&mut rng)).expect("valid CPF");
            assert_eq!(cpf.kind(), DocumentKind::Cpf);
            let cnpj = cnpj_digits(&mut rng);
            assert_eq!(&cnpj[8..12], "0001");
            let cnpj = Document::parse(&cnpj).expect("valid CNPJ");
            assert_eq!(cnpj.kind(), DocumentKind::Cnpj);
        }
    }

    #[test]
    fn known_cnpj_check_digits() {
        assert_eq!(cnpj_check_digit("112223330001"), 8);
        assert_eq!(cnpj_check_digit("1122233300018"), 1);
    }

    #[test]
    fn names_keep_their_parts() {
        let mut rng = stream(7, Part::Customers);
        for _ in 0..500 {
            let name = person(&mut rng);
            assert!(name.full.starts_with(name.first), "{name:?}");
            assert!(name.full.ends_with(name.last), "{name:?}");
            assert!(!name.full.contains("  "), "{name:?}");
            let company = company(&mut rng);
            assert!(company.full.starts_with(&company.trade), "{company:?}");
            assert!(company.trade.contains(&company.brand), "{company:?}");
        }
        assert_eq!(slug("Pão Quente & Cia."), "paoquentecia");
    }
}
