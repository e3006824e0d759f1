//! Real Brazilian cities (state, area code, postal-code range, districts) and street names.
use rand::Rng;

use crate::random::{digits, pick};

/// A city the provider serves.
#[derive(Debug)]
pub(crate) struct City {
    pub name: &'static str,
    /// The state's two-letter code (UF).
    pub state: &'static str,
    /// Short code used in the names of network nodes.
    pub code: &'static str,
    /// The telephone area code (DDD).
    pub area_code: u8,
    /// The first five digits of the city's postal codes (CEP), inclusive range.
    pub postal_prefixes: (u32, u32),
    pub districts: &'static [&'static str],
    /// How many of the provider's customers live there, relatively.
    pub weight: u32,
    /// Whether the provider also serves rural outskirts by radio there.
    pub has_radio: bool,
}

pub(crate) const CITIES: &[City] = &[
    City {
        name: "São Paulo",
        state: "SP",
        code: "SPO",
        area_code: 11,
        postal_prefixes: (1000, 8499),
        districts: &[
            "Moema",
            "Pinheiros",
            "Tatuapé",
            "Santana",
            "Vila Mariana",
            "Mooca",
            "Lapa",
            "Butantã",
            "Itaquera",
            "Santo Amaro",
            "Vila Madalena",
            "Ipiranga",
        ],
        weight: 30,
        has_radio: false,
    },
    City {
        name: "Campinas",
        state: "SP",
        code: "CPS",
        area_code: 19,
        postal_prefixes: (13000, 13139),
        districts: &[
            "Cambuí",
            "Barão Geraldo",
            "Taquaral",
            "Jardim Proença",
            "Sousas",
            "Castelo",
            "Centro",
        ],
        weight: 12,
        has_radio: true,
    },
    City {
        name: "Ribeirão Preto",
        state: "SP",
        code: "RAO",
        area_code: 16,
        postal_prefixes: (14000, 14114),
        districts: &[
            "Centro",
            "Jardim Irajá",
            "Ribeirânia",
            "Campos Elíseos",
            "Vila Tibério",
        ],
        weight: 7,
        has_radio: true,
    },
    City {
        name: "Sorocaba",
        state: "SP",
        code: "SOD",
        area_code: 15,
        postal_prefixes: (18000, 18109),
        districts: &[
            "Centro",
            "Campolim",
            "Vila Hortência",
            "Éden",
            "Wanel Ville",
        ],
        weight: 6,
        has_radio: true,
    },
    City {
        name: "São José dos Campos",
        state: "SP",
        code: "SJK",
        area_code: 12,
        postal_prefixes: (12200, 12248),
        districts: &[
            "Centro",
            "Jardim Aquarius",
            "Vila Adyana",
            "Urbanova",
            "Jardim Satélite",
        ],
        weight: 6,
        has_radio: false,
    },
    City {
        name: "Santos",
        state: "SP",
        code: "SSZ",
        area_code: 13,
        postal_prefixes: (11000, 11099),
        districts: &[
            "Gonzaga",
            "Boqueirão",
            "Ponta da Praia",
            "Embaré",
            "Aparecida",
        ],
        weight: 5,
        has_radio: false,
    },
    City {
        name: "Jundiaí",
        state: "SP",
        code: "JDI",
        area_code: 11,
        postal_prefixes: (13200, 13219),
        districts: &[
            "Centro",
            "Anhangabaú",
            "Vila Arens",
            "Eloy Chaves",
            "Medeiros",
        ],
        weight: 4,
        has_radio: true,
    },
    City {
        name: "Belo Horizonte",
        state: "MG",
        code: "BHZ",
        area_code: 31,
        postal_prefixes: (30000, 31999),
        districts: &[
            "Savassi",
            "Pampulha",
            "Funcionários",
            "Lourdes",
            "Barreiro",
            "Venda Nova",
            "Buritis",
            "Santa Efigênia",
        ],
        weight: 12,
        has_radio: false,
    },
    City {
        name: "Uberlândia",
        state: "MG",
        code: "UDI",
        area_code: 34,
        postal_prefixes: (38400, 38414),
        districts: &[
            "Centro",
            "Santa Mônica",
            "Tibery",
            "Umuarama",
            "Jardim Karaíba",
        ],
        weight: 5,
        has_radio: true,
    },
    City {
        name: "Juiz de Fora",
        state: "MG",
        code: "JDF",
        area_code: 32,
        postal_prefixes: (36000, 36099),
        districts: &["Centro", "São Mateus", "Cascatinha", "Benfica", "Granbery"],
        weight: 4,
        has_radio: true,
    },
    City {
        name: "Curitiba",
        state: "PR",
        code: "CWB",
        area_code: 41,
        postal_prefixes: (80000, 82999),
        districts: &[
            "Batel",
            "Água Verde",
            "Boqueirão",
            "Portão",
            "Centro Cívico",
            "Santa Felicidade",
            "Cabral",
            "Sítio Cercado",
        ],
        weight: 11,
        has_radio: false,
    },
    City {
        name: "Londrina",
        state: "PR",
        code: "LDB",
        area_code: 43,
        postal_prefixes: (86000, 86099),
        districts: &[
            "Centro",
            "Gleba Palhano",
            "Jardim Higienópolis",
            "Cinco Conjuntos",
        ],
        weight: 5,
        has_radio: true,
    },
    City {
        name: "Maringá",
        state: "PR",
        code: "MGF",
        area_code: 44,
        postal_prefixes: (87000, 87109),
        districts: &["Zona 7", "Centro", "Jardim Alvorada", "Vila Operária"],
        weight: 4,
        has_radio: true,
    },
    City {
        name: "Florianópolis",
        state: "SC",
        code: "FLN",
        area_code: 48,
        postal_prefixes: (88000, 88099),
        districts: &[
            "Trindade",
            "Centro",
            "Ingleses",
            "Campeche",
            "Estreito",
            "Coqueiros",
        ],
        weight: 6,
        has_radio: true,
    },
    City {
        name: "Joinville",
        state: "SC",
        code: "JOI",
        area_code: 47,
        postal_prefixes: (89200, 89239),
        districts: &["Centro", "América", "Glória", "Boa Vista", "Costa e Silva"],
        weight: 5,
        has_radio: true,
    },
    City {
        name: "Porto Alegre",
        state: "RS",
        code: "POA",
        area_code: 51,
        postal_prefixes: (90000, 91999),
        districts: &[
            "Moinhos de Vento",
            "Cidade Baixa",
            "Menino Deus",
            "Petrópolis",
            "Restinga",
            "Sarandi",
            "Bom Fim",
        ],
        weight: 10,
        has_radio: false,
    },
    City {
        name: "Caxias do Sul",
        state: "RS",
        code: "CXJ",
        area_code: 54,
        postal_prefixes: (95000, 95124),
        districts: &["Centro", "São Pelegrino", "Exposição", "Cinquentenário"],
        weight: 4,
        has_radio: true,
    },
    City {
        name: "Rio de Janeiro",
        state: "RJ",
        code: "RIO",
        area_code: 21,
        postal_prefixes: (20000, 23799),
        districts: &[
            "Copacabana",
            "Tijuca",
            "Botafogo",
            "Méier",
            "Barra da Tijuca",
            "Campo Grande",
            "Madureira",
            "Jacarepaguá",
            "Bangu",
        ],
        weight: 20,
        has_radio: false,
    },
    City {
        name: "Niterói",
        state: "RJ",
        code: "NTR",
        area_code: 21,
        postal_prefixes: (24000, 24390),
        districts: &["Icaraí", "Santa Rosa", "Fonseca", "Itaipu"],
        weight: 4,
        has_radio: false,
    },
    City {
        name: "Goiânia",
        state: "GO",
        code: "GYN",
        area_code: 62,
        postal_prefixes: (74000, 74899),
        districts: &[
            "Setor Bueno",
            "Setor Oeste",
            "Setor Marista",
            "Jardim Goiás",
            "Campinas",
        ],
        weight: 7,
        has_radio: true,
    },
    City {
        name: "Brasília",
        state: "DF",
        code: "BSB",
        area_code: 61,
        postal_prefixes: (70000, 72799),
        districts: &["Asa Sul", "Asa Norte", "Lago Sul", "Sudoeste", "Noroeste"],
        weight: 8,
        has_radio: false,
    },
    City {
        name: "Salvador",
        state: "BA",
        code: "SSA",
        area_code: 71,
        postal_prefixes: (40000, 42599),
        districts: &[
            "Barra",
            "Pituba",
            "Rio Vermelho",
            "Itapuã",
            "Liberdade",
            "Brotas",
        ],
        weight: 9,
        has_radio: false,
    },
    City {
        name: "Recife",
        state: "PE",
        code: "REC",
        area_code: 81,
        postal_prefixes: (50000, 52999),
        districts: &[
            "Boa Viagem",
            "Casa Forte",
            "Espinheiro",
            "Madalena",
            "Graças",
            "Várzea",
        ],
        weight: 8,
        has_radio: false,
    },
    City {
        name: "Fortaleza",
        state: "CE",
        code: "FOR",
        area_code: 85,
        postal_prefixes: (60000, 61599),
        districts: &[
            "Aldeota",
            "Meireles",
            "Messejana",
            "Benfica",
            "Parangaba",
            "Papicu",
        ],
        weight: 8,
        has_radio: true,
    },
];

const STREETS: &[&str] = &[
    "Rua das Flores",
    "Avenida Brasil",
    "Rua Sete de Setembro",
    "Rua XV de Novembro",
    "Avenida Getúlio Vargas",
    "Rua Tiradentes",
    "Rua Marechal Deodoro",
    "Rua Dom Pedro II",
    "Rua São José",
    "Rua Santa Catarina",
    "Avenida Independência",
    "Rua Barão do Rio Branco",
    "Rua Rui Barbosa",
    "Rua Duque de Caxias",
    "Avenida Presidente Vargas",
    "Rua Bahia",
    "Rua Minas Gerais",
    "Rua Paraná",
    "Rua Pernambuco",
    "Rua Goiás",
    "Rua Amazonas",
    "Rua das Palmeiras",
    "Rua dos Ipês",
    "Rua das Acácias",
    "Rua dos Andradas",
    "Rua Castro Alves",
    "Rua Machado de Assis",
    "Rua Carlos Gomes",
    "Rua José de Alencar",
    "Avenida Santos Dumont",
    "Rua Padre Anchieta",
    "Rua Voluntários da Pátria",
    "Rua Conselheiro Lafaiete",
    "Travessa São Benedito",
    "Alameda dos Anjos",
    "Rua Joaquim Nabuco",
    "Avenida Paulista",
    "Rua Visconde de Mauá",
    "Rua Frei Caneca",
    "Rua Coronel Fernandes",
    "Rua Benjamin Constant",
    "Rua Floriano Peixoto",
    "Rua Almirante Barroso",
    "Avenida João Pessoa",
    "Rua Cel. Joaquim Ribeiro",
    "Rua Antônio Conselheiro",
    "Rua Dona Maria Amélia",
    "Rua Pedro Álvares Cabral",
];

/// A street address in a city.
#[derive(Debug, Clone)]
pub(crate) struct Address {
    pub street: &'static str,
    pub number: String,
    pub district: &'static str,
    pub postal_code: String,
}

/// A random address in `city`.
pub(crate) fn address(rng: &mut impl Rng, city: &City) -> Address {
    let number = if rng.gen_bool(0.02) {
        "S/N".to_string()
    } else {
        rng.gen_range(1..=3_500).to_string()
    };
    let (low, high) = city.postal_prefixes;
    let district = *pick(rng, city.districts);
    Address {
        street: street(rng),
        number,
        district,
        postal_code: format!("{:05}-{}", rng.gen_range(low..=high), digits(rng, 3)),
    }
}

/// A random street name.
pub(crate) fn street(rng: &mut impl Rng) -> &'static str {
    let street = *pick(rng, STREETS);
    street
}

/// The usual one-line form: "Rua Bahia, 120 - Centro, Campinas/SP".
pub(crate) fn one_line(address: &Address, city: &City) -> String {
    format!(
        "{}, {} - {}, {}/{}",
        address.street, address.number, address.district, city.name, city.state
    )
}

/// A mobile number in `area_code`: "(11) 98765-4321".
pub(crate) fn mobile_phone(rng: &mut impl Rng, area_code: u8) -> String {
    format!(
        "({area_code}) 9{}{}-{}",
        rng.gen_range(6..=9),
        digits(rng, 3),
        digits(rng, 4)
    )
}

/// A landline number in `area_code`: "(11) 3456-7890".
pub(crate) fn landline_phone(rng: &mut impl Rng, area_code: u8) -> String {
    format!(
        "({area_code}) {}{}-{}",
        rng.gen_range(2..=5),
        digits(rng, 3),
        digits(rng, 4)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::{stream, Part};

    #[test]
    fn formats_are_brazilian() {
        let mut rng = stream(3, Part::Customers);
        for city in CITIES {
            let address = address(&mut rng, city);
            let cep = address.postal_code.as_bytes();
            assert_eq!(cep.len(), 9, "{}", address.postal_code);
            assert_eq!(cep[5], b'-');
            let mobile = mobile_phone(&mut rng, city.area_code);
            assert_eq!(mobile.len(), "(11) 98765-4321".len(), "{mobile}");
            let landline = landline_phone(&mut rng, city.area_code);
            assert_eq!(landline.len(), "(11) 3456-7890".len(), "{landline}");
        }
    }
}
