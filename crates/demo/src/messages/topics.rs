//! The topic catalogue, as data: the kinds of message customers write (subjects, problems,
//! details and requests that go together), and how often each kind of sender writes about
//! each topic.
/// One kind of message. Texts may hold placeholders such as `{since}` or `{onu}`, filled in
/// once per message (see [`Fill::value`](super::fill::Fill::value)).
pub(super) struct Case {
    pub(super) subjects: &'static [&'static str],
    pub(super) problems: &'static [&'static str],
    pub(super) details: &'static [&'static str],
    pub(super) requests: &'static [&'static str],
}

const URGENT_REQUESTS: &[&str] = &[
    "Trabalho em home office, podem verificar com urgência?",
    "Podem mandar um técnico?",
    "Por favor, verifiquem o que aconteceu.",
    "Quando vai voltar?",
    "Preciso de uma previsão, por favor.",
];

const NO_CONNECTION: &[Case] = &[
    Case {
        subjects: &[
            "Sem conexão",
            "Sem internet",
            "Internet não funciona",
            "SEM INTERNET",
            "Internet parou",
            "Urgente - sem internet",
            "Estou sem internet",
            "Sem conexão desde {since}",
        ],
        problems: &[
            "Estou sem internet desde {since}.",
            "Nenhum aparelho aqui de casa conecta na internet desde {since}.",
            "A internet parou de funcionar há {days} dias e até agora nada.",
        ],
        details: &[
            "{Onu} está com {light}.",
            "Já desliguei e liguei {router} da tomada e não resolveu.",
            "O Wi-Fi aparece, mas o celular diz \"sem internet\".",
            "Os vizinhos que também são clientes estão sem internet.",
            "Teve uma chuva forte aqui e depois disso ficou assim.",
            "Passaram uns caminhões trocando poste na rua, pode ter sido isso.",
        ],
        requests: URGENT_REQUESTS,
    },
    Case {
        subjects: &[
            "LOS vermelha no aparelho",
            "Luz vermelha {los}",
            "Luz LOS {los}",
            "Aparelho da fibra com luz vermelha",
        ],
        problems: &[
            "Desde {since}, {onu} está com a luz LOS vermelha {los} e estou sem internet.",
            "{Onu} amanheceu com a luz LOS vermelha {los} e não tem internet.",
        ],
        details: &[
            "O cabo de fibra que chega {to_onu} parece estar esticado.",
            "O cachorro puxou o cabo fininho da fibra ontem.",
            "Já tirei da tomada, liguei de novo e a luz continua.",
            "Teve obra na rua hoje.",
        ],
        requests: URGENT_REQUESTS,
    },
];

const DROPS: &[Case] = &[Case {
    subjects: &[
        "Internet caindo toda hora",
        "Conexão caindo",
        "Quedas constantes",
        "Internet cai várias vezes ao dia",
        "Instabilidade na conexão",
        "Internet oscilando",
        "internet caindo",
    ],
    problems: &[
        "A internet cai várias vezes por dia, principalmente {period}.",
        "A conexão fica caindo e voltando {often}.",
        "Desde {since} a internet está instável, cai e volta sozinha.",
    ],
    details: &[
        "Quando cai, {onu} fica com {light} por alguns minutos.",
        "Nas chamadas de vídeo do trabalho eu sempre caio.",
        "Já troquei {router} de lugar e continua igual.",
        "Jogando online a conexão cai direto e o ping vai lá em cima.",
        "{Router} reinicia sozinho às vezes.",
        "Anotei as quedas: hoje foram às {morning}h e às {evening}h.",
    ],
    requests: &[
        "Podem verificar o sinal da minha conexão?",
        "Gostaria de uma visita técnica.",
        "Isso está atrapalhando muito, aguardo solução.",
        "Vou ter desconto pelos dias com problema?",
    ],
}];

const SLOWNESS: &[Case] = &[
    Case {
        subjects: &[
            "Velocidade abaixo do contratado",
            "Teste de velocidade baixo",
            "Internet lenta",
        ],
        problems: &[
            "Contratei o plano {plan}, mas no teste de velocidade está dando só {measured} Mbps.",
            "Pago pelo plano {plan} e o teste de velocidade não passa de {measured} Mbps.",
        ],
        details: &[
            "Fiz o teste no celular, do lado do roteador.",
            "No computador com cabo também está lento.",
            "Tenho uns {devices} aparelhos conectados.",
            "No cabo eu ainda não testei.",
        ],
        requests: &[
            "Quero receber a velocidade que eu pago.",
            "Podem verificar?",
            "O que pode ser?",
        ],
    },
    Case {
        subjects: &[
            "Lentidão à noite",
            "Internet lenta à noite",
            "Lentidão no horário de pico",
        ],
        problems: &["A internet fica muito lenta {night}, os vídeos ficam carregando e travando."],
        details: &[
            "Durante o dia funciona normal.",
            "A Netflix fica em baixa qualidade o tempo todo.",
            "Meu vizinho, que é de outra operadora, não tem esse problema.",
            "Já reiniciei {router} e não mudou nada.",
        ],
        requests: &["Podem verificar?", "Aguardo retorno.", "O que pode ser?"],
    },
    Case {
        subjects: &["Internet muito lenta", "Lentidão", "internet lenta demais"],
        problems: &[
            "Os sites demoram muito para abrir, mesmo com poucos aparelhos ligados.",
            "A internet está muito lenta desde {since}.",
        ],
        details: &[
            "Já reiniciei {router}.",
            "Começou depois que o técnico veio aqui.",
            "As chamadas de vídeo ficam travando.",
        ],
        requests: &["Podem verificar?", "Aguardo retorno."],
    },
];

const WIFI: &[Case] = &[
    Case {
        subjects: &["Wi-Fi não aparece", "Rede Wi-Fi sumiu", "Rede 5G sumiu"],
        problems: &[
            "A rede Wi-Fi sumiu da lista de redes do celular.",
            "A rede 5G do roteador não aparece mais.",
        ],
        details: &[
            "Já reiniciei o roteador.",
            "Só a TV, que está no cabo, continua funcionando.",
        ],
        requests: &["Como faço para resolver?", "Podem me ajudar?"],
    },
    Case {
        subjects: &["Wi-Fi fraco no quarto", "Sinal do Wi-Fi fraco"],
        problems: &["O sinal do Wi-Fi não chega nos quartos."],
        details: &[
            "{Router} fica na sala e o quarto é nos fundos.",
            "A casa tem dois andares.",
        ],
        requests: &[
            "Vocês têm repetidor ou mesh para alugar?",
            "Posso mudar o roteador de lugar?",
        ],
    },
    Case {
        subjects: &["Esqueci a senha do Wi-Fi", "Trocar senha do Wi-Fi"],
        problems: &[
            "Preciso trocar a senha do Wi-Fi e não sei como fazer.",
            "Esqueci a senha do Wi-Fi.",
        ],
        details: &[
            "Acho que algum vizinho está usando a minha rede.",
            "Comprei um celular novo e não lembro a senha para conectar.",
        ],
        requests: &["Podem trocar por mim?", "Como faço?"],
    },
    Case {
        subjects: &[
            "Não consigo conectar no Wi-Fi",
            "wifi nao conecta",
            "Wi-Fi conectado sem internet",
        ],
        problems: &["O celular conecta no Wi-Fi mas não navega; no cabo funciona."],
        details: &[
            "Acontece em todos os celulares da casa.",
            "Já reiniciei {router}.",
        ],
        requests: &["Podem me ajudar a configurar?", "Como faço para resolver?"],
    },
];

const BILLING: &[Case] = &[
    Case {
        subjects: &[
            "2ª via de boleto",
            "Segunda via do boleto",
            "Boleto não chegou",
        ],
        problems: &[
            "Preciso da segunda via do boleto deste mês.",
            "Não recebi o boleto por e-mail este mês.",
        ],
        details: &[
            "O meu e-mail de cadastro é este mesmo.",
            "O valor do meu plano é R$ {price}.",
        ],
        requests: &["Podem enviar por e-mail?", "Pode ser o código PIX também."],
    },
    Case {
        subjects: &[
            "Internet bloqueada",
            "Desbloqueio",
            "Pagamento não identificado",
            "Paguei e continua bloqueado",
        ],
        problems: &["Paguei o boleto {paid_when} {paid_how} e a internet continua bloqueada."],
        details: &[
            "Segue o comprovante em anexo.",
            "É a segunda vez que isso acontece.",
            "Preciso da internet para trabalhar.",
        ],
        requests: &[
            "Podem liberar em confiança até compensar?",
            "Por favor, regularizem.",
        ],
    },
    Case {
        subjects: &["Cobrança em duplicidade", "Cobrança indevida"],
        problems: &["Veio cobrado duas vezes no meu cartão este mês."],
        details: &[
            "O pagamento está em débito automático.",
            "O valor do meu plano é R$ {price}.",
        ],
        requests: &["Quero o estorno.", "Por favor, regularizem."],
    },
    Case {
        subjects: &["Alterar data de vencimento", "Mudar vencimento"],
        problems: &["Gostaria de mudar o vencimento para o dia {due_day}."],
        details: &["Mudou a data em que recebo o salário."],
        requests: &["É possível?", "Aguardo retorno."],
    },
    Case {
        subjects: &["Nota fiscal", "Notas fiscais"],
        problems: &["Preciso das notas fiscais dos últimos {months} meses."],
        details: &["São para a contabilidade.", "Pode ser em PDF."],
        requests: &["Podem enviar por e-mail?"],
    },
];

const MOVING: &[Case] = &[Case {
    subjects: &[
        "Mudança de endereço",
        "Transferência de endereço",
        "Vou mudar de casa",
    ],
    problems: &[
        "Vou me mudar no dia {day} e quero levar a internet para o novo endereço: {street}, \
         {number}.",
    ],
    details: &[
        "O novo endereço fica no mesmo bairro.",
        "Preciso que já esteja funcionando no dia da mudança, trabalho em casa.",
        "Posso levar {onu} e {router} comigo?",
        "Tem taxa de transferência?",
    ],
    requests: &[
        "Como faço para agendar?",
        "Vocês atendem nesse endereço?",
        "Aguardo o agendamento.",
    ],
}];

const PLAN_CHANGE: &[Case] = &[
    Case {
        subjects: &[
            "Mudança de plano",
            "Upgrade de plano",
            "Quero aumentar a velocidade",
        ],
        problems: &["Tenho o plano {plan} e gostaria de mudar para um plano mais rápido."],
        details: &[
            "Agora tem mais gente trabalhando em casa.",
            "Vi uma promoção no Instagram de vocês.",
        ],
        requests: &[
            "Quais são os valores?",
            "Precisa trocar o equipamento?",
            "Podem me ligar?",
        ],
    },
    Case {
        subjects: &["Valor dos planos", "Quero diminuir o plano"],
        problems: &["Gostaria de passar para um plano mais barato; hoje pago R$ {price}."],
        details: &["Quero saber se muda o valor da fidelidade."],
        requests: &["Quais são as opções?", "Podem me ligar?"],
    },
];

const CANCELLATION: &[Case] = &[
    Case {
        subjects: &["Cancelamento", "Solicito cancelamento", "Cancelar contrato"],
        problems: &[
            "Quero cancelar o meu contrato.",
            "Vou me mudar para outra cidade e preciso cancelar a internet.",
        ],
        details: &[
            "Tem multa de fidelidade?",
            "Estou sem condições de pagar no momento.",
        ],
        requests: &[
            "Aguardo confirmação.",
            "Por favor, me enviem o protocolo.",
            "Qual o procedimento?",
        ],
    },
    Case {
        subjects: &["Retirada de equipamento", "Buscar equipamentos"],
        problems: &["Já cancelei e até agora ninguém veio buscar {onu} e {router}."],
        details: &["Fico em casa de manhã.", "Estou me mudando no fim do mês."],
        requests: &["Quando vão retirar?", "Posso levar na loja?"],
    },
];

const ROUTER: &[Case] = &[
    Case {
        subjects: &["Configurar roteador", "Roteador novo"],
        problems: &["Comprei um roteador novo e preciso configurar o PPPoE."],
        details: &[
            "Não sei a senha do PPPoE.",
            "O roteador é um TP-Link Archer.",
        ],
        requests: &["Podem me passar os dados?", "Vocês fazem isso remotamente?"],
    },
    Case {
        subjects: &[
            "Liberar porta para câmeras",
            "Configurar DVR",
            "Acesso às câmeras",
        ],
        problems: &[
            "Preciso liberar uma porta para acessar as câmeras de fora de casa.",
            "O DVR das câmeras não conecta mais depois da troca do roteador.",
        ],
        details: &["O técnico da câmera pediu o IP público."],
        requests: &["Vocês fazem isso remotamente?", "Qual o valor?"],
    },
    Case {
        subjects: &["IP fixo", "Contratar IP fixo"],
        problems: &["Gostaria de saber se vocês têm IP fixo."],
        details: &[
            "É para um servidor da empresa.",
            "É para acessar a VPN do trabalho.",
        ],
        requests: &["Qual o valor?", "Podem me ligar?"],
    },
];

const INSTALLATION: &[Case] = &[
    Case {
        subjects: &[
            "Viabilidade de instalação",
            "Atendem no meu bairro?",
            "Quero contratar",
        ],
        problems: &["Gostaria de saber se vocês atendem na {street}, {number}."],
        details: &[
            "Tenho interesse no plano {plan}.",
            "A fibra de vocês já passa na minha rua.",
            "Moro numa chácara, vocês têm internet via rádio?",
        ],
        requests: &[
            "Aguardo contato.",
            "Podem me ligar?",
            "Qual o valor da instalação?",
        ],
    },
    Case {
        subjects: &["Instalação atrasada", "Agendamento da instalação"],
        problems: &["A instalação estava marcada para {past_day} e ninguém apareceu."],
        details: &[
            "Fiquei o dia inteiro em casa esperando.",
            "Ninguém me ligou avisando.",
        ],
        requests: &["Quando vão vir?", "Quero reagendar."],
    },
];

pub(super) const CUSTOMER_TOPICS: &[(&[Case], u32)] = &[
    (NO_CONNECTION, 20),
    (DROPS, 15),
    (SLOWNESS, 18),
    (WIFI, 12),
    (BILLING, 15),
    (MOVING, 4),
    (PLAN_CHANGE, 4),
    (CANCELLATION, 3),
    (ROUTER, 5),
    (INSTALLATION, 4),
];

pub(super) const SUSPENDED_TOPICS: &[(&[Case], u32)] =
    &[(BILLING, 60), (NO_CONNECTION, 30), (CANCELLATION, 10)];

pub(super) const CANCELLED_TOPICS: &[(&[Case], u32)] =
    &[(BILLING, 40), (CANCELLATION, 40), (INSTALLATION, 20)];

pub(super) const STRANGER_TOPICS: &[(&[Case], u32)] = &[
    (INSTALLATION, 50),
    (NO_CONNECTION, 15),
    (SLOWNESS, 10),
    (BILLING, 15),
    (PLAN_CHANGE, 10),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::fill::Fill;
    use crate::network::PLANS;
    use crate::random::{stream, Part};

    #[test]
    fn every_case_renders_completely() {
        let mut rng = stream(3, Part::Messages);
        let topics = [
            NO_CONNECTION,
            DROPS,
            SLOWNESS,
            WIFI,
            BILLING,
            MOVING,
            PLAN_CHANGE,
            CANCELLATION,
            ROUTER,
            INSTALLATION,
        ];
        for case in topics.iter().flat_map(|topic| topic.iter()) {
            let texts = [case.subjects, case.problems, case.details, case.requests];
            for template in texts.iter().flat_map(|texts| texts.iter()) {
                let mut out = String::new();
                Fill::new(&PLANS[0]).render(&mut rng, template, &mut out);
                assert!(!out.contains(['{', '}']), "unfilled: {out}");
            }
        }
    }
}
