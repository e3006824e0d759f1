//! The demo's troubleshooting scripts ("Script de Atendimento"): "Sem conexão" and
//! "Lentidão".
//!
//! A script is a decision graph stored as JSON in `script_versions.definition`:
//!
//! ```json
//! {
//!   "start": "luzes",
//!   "nodes": [
//!     {
//!       "id": "luzes",
//!       "question": "Como estão as luzes da ONU?",
//!       "customer_explanation": "What the operator tells the customer.",
//!       "operator_explanation": "What the operator checks meanwhile.",
//!       "options": [
//!         { "label": "LOS vermelha acesa", "next": "los_cabo", "outcome": null },
//!         { "label": "Continua apagado", "next": null, "outcome": "work_order" }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! - `start` is the id of the first node; node ids are unique within the script.
//! - Each option (an answer of the customer) either goes on to another node (`next` is its
//!   id, `outcome` is null) or ends the script (`next` is null, `outcome` is `"resolved"`,
//!   `"work_order"`: a technician must go, or `"escalate"`: beyond the first level, e.g. a
//!   network failure affecting many customers).
//! - The demo scripts are acyclic, so "Anterior" can always walk back to the start.
use helpdesk_store::catalog::NewScript;
use serde_json::{json, Value};

/// The scripts as the store takes them.
pub(crate) fn new_scripts() -> Vec<NewScript> {
    vec![
        NewScript {
            name: "Sem conexão".to_string(),
            keywords: "sem conexão, sem internet, caiu, offline, LOS, luz vermelha, PPPoE"
                .to_string(),
            definition: no_connection().to_string(),
        },
        NewScript {
            name: "Lentidão".to_string(),
            keywords: "lentidão, lenta, velocidade, Wi-Fi, sinal fraco, travando, ping".to_string(),
            definition: slowness().to_string(),
        },
    ]
}

fn definition(start: &str, nodes: Vec<Value>) -> Value {
    json!({ "start": start, "nodes": nodes })
}

fn node(id: &str, question: &str, customer: &str, operator: &str, options: Vec<Value>) -> Value {
    json!({
        "id": id,
        "question": question,
        "customer_explanation": customer,
        "operator_explanation": operator,
        "options": options,
    })
}

/// An answer leading to another node.
fn go(label: &str, next: &str) -> Value {
    json!({ "label": label, "next": next, "outcome": null })
}

/// An answer ending the script with `outcome`.
fn end(label: &str, outcome: &str) -> Value {
    json!({ "label": label, "next": null, "outcome": outcome })
}

/// "Sem conexão": ONU lights and LOS, optical signal, neighbours on the same splitter box,
/// PPPoE session, contract and billing block, the router's WAN cable and reboot; radio
/// customers through their antenna.
pub fn no_connection() -> Value {
    definition(
        "luzes",
        vec![
            node(
                "luzes",
                "Como estão as luzes da ONU (o aparelho onde chega a fibra)?",
                "Vou pedir para o(a) senhor(a) olhar o aparelho onde chega o cabo da fibra e me \
                 dizer quais luzes estão acesas e de que cor.",
                "Antes de seguir, confira no sistema o plano e o ponto de roteamento do cliente \
                 e veja se há aviso de manutenção ou queda massiva nesse ponto.",
                vec![
                    go("LOS vermelha acesa ou piscando", "los_cabo"),
                    go("PON verde fixa e LOS apagada", "pppoe"),
                    go("PON piscando, sem LOS", "pon_piscando"),
                    go("Todas as luzes apagadas", "energia"),
                    go("Cliente de rádio (antena no telhado)", "radio_antena"),
                ],
            ),
            node(
                "energia",
                "O aparelho está ligado na tomada e a fonte está bem encaixada?",
                "Confira se a fonte está firme na tomada e no aparelho, e teste outra tomada \
                 sem usar benjamim ou filtro de linha.",
                "Sem nenhuma luz, a ONU está sem energia: fonte, tomada ou o próprio aparelho.",
                vec![
                    go("Ligou depois de trocar de tomada", "aguardar_boot"),
                    end("Continua totalmente apagado", "work_order"),
                ],
            ),
            node(
                "aguardar_boot",
                "Depois de 2 minutos ligado, a luz PON ficou verde fixa?",
                "O aparelho leva uns dois minutos para iniciar; vamos aguardar juntos.",
                "Acompanhe na OLT se a ONU volta a registrar.",
                vec![
                    go("Sim, PON verde e LOS apagada", "pppoe"),
                    go("A LOS vermelha acendeu", "los_cabo"),
                ],
            ),
            node(
                "los_cabo",
                "O cabo de fibra que chega à ONU está dobrado, esticado, solto ou rompido?",
                "Siga com cuidado o cabo fino que chega ao aparelho, sem dobrar: ele é de vidro \
                 e quebra fácil. Veja também se o conector verde está bem encaixado.",
                "LOS indica que a ONU não recebe luz: fibra rompida, conector solto ou falha \
                 na rede externa.",
                vec![
                    go("O conector estava solto; reconectado, a LOS apagou", "pppoe"),
                    end("O cabo está rompido ou muito dobrado", "work_order"),
                    go("O cabo parece inteiro", "sinal_olt"),
                ],
            ),
            node(
                "sinal_olt",
                "Na OLT, qual a situação da ONU do cliente?",
                "Vou verificar o sinal da sua conexão pelo nosso sistema, só um momento.",
                "Consulte a ONU na OLT do ponto de roteamento: estado, potência óptica recebida \
                 (RX) e o motivo da última queda (LOS ou falta de energia).",
                vec![
                    go("Offline por LOS", "cto_vizinhos"),
                    end("Online, mas com RX pior que -27 dBm", "work_order"),
                    go("Online, com sinal bom", "pppoe"),
                ],
            ),
            node(
                "cto_vizinhos",
                "Outros clientes da mesma caixa de atendimento (CTO) também estão offline?",
                "Estamos verificando se o problema atinge só a sua casa ou a sua rua.",
                "Na OLT, filtre as ONUs da mesma porta PON e da mesma CTO. Várias offline ao \
                 mesmo tempo indicam rompimento na rede externa: abra um chamado de rede.",
                vec![
                    end("Sim, vários clientes da mesma CTO", "escalate"),
                    go("Não, só este cliente", "reiniciar_onu"),
                ],
            ),
            node(
                "reiniciar_onu",
                "Desligando a ONU da tomada por 30 segundos e religando, a LOS continua acesa?",
                "Desligue o aparelho da fibra da tomada, aguarde 30 segundos e ligue de novo.",
                "Se a LOS persistir depois de reiniciar, o defeito é físico: cabo drop, conector \
                 ou a própria ONU.",
                vec![
                    go("Apagou; a PON ficou verde", "pppoe"),
                    end("A LOS continua acesa", "work_order"),
                ],
            ),
            node(
                "pon_piscando",
                "A ONU está autorizada (provisionada) na OLT?",
                "Seu aparelho está tentando se registrar na rede; vou conferir o cadastro dele.",
                "PON piscando sem LOS: a ONU recebe luz mas não registra. Confira o número de \
                 série e o perfil na OLT e reprovisione se preciso.",
                vec![
                    go("Não estava; reprovisionada, registrou", "pppoe"),
                    end("Está provisionada e mesmo assim não registra", "escalate"),
                    end("O número de série é outro (ONU trocada)", "work_order"),
                ],
            ),
            node(
                "pppoe",
                "No concentrador, a sessão PPPoE do login do cliente está conectada?",
                "A parte da fibra está normal. Agora vou verificar a autenticação da sua conexão.",
                "Procure o login no concentrador (BRAS) do ponto de roteamento: sessão ativa, IP \
                 atribuído e erros de autenticação recentes.",
                vec![
                    go("Conectada, com IP", "roteador_reiniciar"),
                    go("Desconectada, com falhas de autenticação", "contrato"),
                    go("Desconectada, sem tentativas", "cabo_wan"),
                ],
            ),
            node(
                "contrato",
                "O contrato está ativo, sem bloqueio financeiro?",
                "Vou conferir a situação do seu cadastro.",
                "Bloqueio por débito recusa a autenticação. Veja também se o login ou a senha \
                 foram alterados recentemente.",
                vec![
                    go("Suspenso por débito", "financeiro"),
                    go("Ativo, sem bloqueio", "senha_pppoe"),
                ],
            ),
            node(
                "financeiro",
                "O cliente já pagou ou quer pagar agora?",
                "Consta um débito em aberto e por isso a conexão foi suspensa. Posso enviar a \
                 segunda via ou, se já pagou, liberar em confiança até a compensação.",
                "Desbloqueio em confiança só com pagamento informado e no máximo uma vez por \
                 mês; senão, envie a segunda via pelo modelo de e-mail.",
                vec![
                    go("Já pagou; desbloqueio em confiança feito", "navegacao"),
                    end("Enviada a segunda via do boleto", "resolved"),
                    end("Contesta a cobrança", "escalate"),
                ],
            ),
            node(
                "senha_pppoe",
                "Depois de reconfigurar o usuário e a senha PPPoE no roteador, a sessão autenticou?",
                "Vamos acessar o roteador e digitar novamente o usuário e a senha da conexão.",
                "Se preciso, redefina a senha no sistema e passe os dados ao cliente, ou acesse \
                 o roteador remotamente.",
                vec![
                    go("Sim, autenticou", "navegacao"),
                    end("Não, continua recusando", "escalate"),
                ],
            ),
            node(
                "cabo_wan",
                "O cabo de rede entre a ONU e o roteador está na porta WAN (Internet), com a luz \
                 dessa porta acesa?",
                "Confira o cabo de rede que liga o aparelho da fibra ao roteador: ele deve estar \
                 na porta WAN ou Internet, normalmente de outra cor.",
                "Sem tentativas de PPPoE, o roteador não fala com a ONU (cabo ou porta) ou está \
                 travado ou com as configurações de fábrica.",
                vec![
                    go("Estava solto; foi reconectado", "roteador_reiniciar"),
                    go("Está conectado e a luz acende", "roteador_reset"),
                    end("A luz da porta não acende", "work_order"),
                ],
            ),
            node(
                "roteador_reset",
                "O roteador voltou às configurações de fábrica (rede Wi-Fi com o nome de fábrica)?",
                "Veja o nome da rede Wi-Fi no celular: é o de sempre ou um nome com a marca do \
                 roteador?",
                "Roteador resetado perde a configuração PPPoE: reconfigure com o cliente ou \
                 agende uma visita se ele não conseguir.",
                vec![
                    go("Sim, nome de fábrica; reconfigurado", "navegacao"),
                    go("Não; o roteador parece travado", "roteador_reiniciar"),
                    end("O cliente não consegue reconfigurar", "work_order"),
                ],
            ),
            node(
                "roteador_reiniciar",
                "Depois de reiniciar o roteador e esperar 2 minutos, os aparelhos navegam?",
                "Desligue o roteador da tomada por 30 segundos, ligue de novo e aguarde dois \
                 minutos.",
                "Sessão ativa e cliente sem navegar costuma ser roteador travado ou problema só \
                 no Wi-Fi.",
                vec![
                    end("Sim, voltou a navegar", "resolved"),
                    end("Só navega no cabo (problema no Wi-Fi)", "escalate"),
                    go("Não navega em nenhum aparelho", "navegacao"),
                ],
            ),
            node(
                "navegacao",
                "Abrindo um site pelo celular ou pelo computador, a página carrega?",
                "Abra um site qualquer, por exemplo um portal de notícias, e me diga se carrega.",
                "Com a sessão ativa e nada abrindo, teste o DNS: acesse pelo IP ou troque o DNS \
                 do roteador.",
                vec![
                    end("Sim, carrega normalmente", "resolved"),
                    end("Só alguns sites abrem", "escalate"),
                    end("Nenhum site abre", "work_order"),
                ],
            ),
            node(
                "radio_antena",
                "As luzes do adaptador PoE da antena estão acesas?",
                "Perto do roteador há uma fonte (PoE) ligada à antena do telhado; veja se a luz \
                 de energia e a de rede estão acesas.",
                "Consulte o rádio do cliente no POP: se está associado, o sinal (dBm) e a \
                 qualidade do enlace (CCQ).",
                vec![
                    end("Nenhuma luz no PoE", "work_order"),
                    go("Luzes acesas, mas o rádio está desassociado no POP", "radio_alinhamento"),
                    go("Associado, com sinal bom", "pppoe"),
                ],
            ),
            node(
                "radio_alinhamento",
                "Houve vento forte, temporal ou alguma obra que possa ter movido a antena?",
                "Às vezes o vento tira a antena do alinhamento com a torre.",
                "Sinal pior que -75 dBm ou rádio desassociado depois de um temporal indica \
                 desalinhamento; várias quedas no mesmo POP indicam falha na torre.",
                vec![
                    end("Sim, teve temporal ou obra", "work_order"),
                    end("Não, e outros clientes do POP também caíram", "escalate"),
                    end("Não sabe; só este cliente caiu", "work_order"),
                ],
            ),
        ],
    )
}

/// "Lentidão": Wi-Fi band, channel, distance and router position, speed test on cable,
/// devices in use, optical signal, the network card and cable, and the routing point's load.
pub fn slowness() -> Value {
    definition(
        "onde",
        vec![
            node(
                "onde",
                "A lentidão acontece no Wi-Fi, no cabo ou nos dois?",
                "Para entender onde está o problema, me diga se a lentidão acontece nos \
                 aparelhos do Wi-Fi, em um computador ligado com cabo, ou nos dois.",
                "Confira o plano contratado e o status do ponto de roteamento: \"Degradado\" ou \
                 \"Em manutenção\" já explica a lentidão.",
                vec![
                    go("Só no Wi-Fi", "banda"),
                    go("Também no cabo", "teste_cabo"),
                    go("Não tem aparelho com cabo", "banda"),
                    end("O ponto de roteamento está degradado", "escalate"),
                ],
            ),
            node(
                "banda",
                "O aparelho está conectado na rede de 2,4 GHz ou na de 5 GHz?",
                "Nas configurações de Wi-Fi do celular, veja o nome da rede conectada; a de \
                 5 GHz costuma terminar em _5G.",
                "2,4 GHz tem mais alcance e menos velocidade (raramente passa de 50 a 80 Mbps); \
                 5 GHz é mais rápida e alcança menos.",
                vec![go("2,4 GHz", "mudar_5g"), go("5 GHz", "distancia")],
            ),
            node(
                "mudar_5g",
                "Conectado na rede de 5 GHz, a velocidade melhorou?",
                "Conecte na rede terminada em _5G, com a mesma senha, e repita o teste.",
                "Aparelhos antigos podem não enxergar a rede de 5 GHz.",
                vec![
                    end("Sim, melhorou", "resolved"),
                    go("O aparelho não vê a rede de 5 GHz", "canal"),
                    go("Não melhorou", "distancia"),
                ],
            ),
            node(
                "canal",
                "Trocando o canal do Wi-Fi 2,4 GHz para 1, 6 ou 11, melhorou?",
                "Vou ajustar o canal do seu Wi-Fi para fugir da interferência dos vizinhos; a \
                 rede cai por alguns segundos.",
                "Acesse o roteador remotamente ou oriente o cliente; escolha o canal menos \
                 ocupado.",
                vec![end("Sim", "resolved"), go("Não", "distancia")],
            ),
            node(
                "distancia",
                "Quantas paredes há entre o aparelho e o roteador?",
                "Onde fica o roteador, e em que cômodo o(a) senhor(a) está usando a internet?",
                "Paredes, lajes, espelhos, micro-ondas e aquários atenuam o sinal do Wi-Fi.",
                vec![
                    go("Mesmo cômodo ou uma parede", "teste_cabo"),
                    go("Várias paredes ou outro andar", "posicao"),
                ],
            ),
            node(
                "posicao",
                "O cliente pode mudar o roteador para um ponto central e alto da casa?",
                "O roteador funciona melhor no alto, no centro da casa, longe do micro-ondas e \
                 fora de armários.",
                "Se não houver como reposicionar, ofereça um ponto mesh ou repetidor (visita \
                 técnica).",
                vec![
                    end("Mudou de lugar e melhorou", "resolved"),
                    go("Não melhorou ou não é possível", "mesh"),
                ],
            ),
            node(
                "mesh",
                "O cliente aceita uma visita para avaliar a cobertura e instalar um ponto mesh?",
                "Podemos agendar um técnico para avaliar a cobertura da casa; o ponto adicional \
                 tem custo mensal conforme o plano.",
                "Abra a O.S. de Manutenção com a observação \"cobertura Wi-Fi\" e o cômodo \
                 afetado.",
                vec![
                    end("Sim, agendar a visita", "work_order"),
                    end("Não, apenas orientado", "resolved"),
                ],
            ),
            node(
                "teste_cabo",
                "Com um computador no cabo, qual o resultado do teste de velocidade em relação \
                 ao plano?",
                "Ligue um computador com cabo no roteador, feche downloads e programas e faça o \
                 teste de velocidade.",
                "Use o servidor de teste do provedor. Placas de rede de 100 Mbps limitam o \
                 resultado.",
                vec![
                    go("Acima de 80% do plano", "horario"),
                    go("Entre 30% e 80% do plano", "dispositivos"),
                    go("Abaixo de 30% do plano", "sinal"),
                ],
            ),
            node(
                "dispositivos",
                "Quantos aparelhos estão usando a internet ao mesmo tempo (vídeos, downloads, \
                 jogos)?",
                "Enquanto outras pessoas assistem vídeos ou baixam arquivos, a velocidade é \
                 dividida entre os aparelhos.",
                "Veja o consumo no gráfico do concentrador: perto de 100% do plano é uso, não \
                 defeito; ofereça um plano maior.",
                vec![
                    end("Muitos; o consumo está no limite do plano", "resolved"),
                    go("Poucos", "sinal"),
                ],
            ),
            node(
                "sinal",
                "Na OLT, qual a potência óptica recebida (RX) da ONU?",
                "Vou analisar o sinal da sua conexão.",
                "Sinal bom fica entre -8 e -25 dBm. Pior que -25 dBm causa lentidão e perda de \
                 pacotes.",
                vec![
                    end("Pior que -25 dBm", "work_order"),
                    go("Entre -8 e -25 dBm", "placa_rede"),
                ],
            ),
            node(
                "placa_rede",
                "A placa de rede do computador conectou a 1 Gbps ou a 100 Mbps?",
                "Vou pedir para o(a) senhor(a) abrir os detalhes da conexão de rede do \
                 computador e me dizer a velocidade indicada.",
                "Cabo com fios partidos ou de categoria baixa conecta a 100 Mbps; troque por um \
                 cabo Cat5e ou Cat6.",
                vec![go("100 Mbps", "troca_cabo"), go("1 Gbps", "reiniciar")],
            ),
            node(
                "troca_cabo",
                "Com outro cabo de rede, a placa conectou a 1 Gbps e a velocidade melhorou?",
                "Troque o cabo de rede entre o computador e o roteador por outro e repita o teste.",
                "Se o cliente não tiver outro cabo, a troca pode ir na visita técnica.",
                vec![end("Sim", "resolved"), go("Não", "reiniciar")],
            ),
            node(
                "reiniciar",
                "Depois de reiniciar o roteador e repetir o teste, melhorou?",
                "Desligue o roteador da tomada por 30 segundos, ligue de novo e repita o teste.",
                "Roteadores ligados há muito tempo podem perder desempenho.",
                vec![end("Sim", "resolved"), go("Não", "ponto")],
            ),
            node(
                "ponto",
                "Há outros clientes do mesmo ponto de roteamento reclamando de lentidão?",
                "Vou verificar se há outros registros na sua região.",
                "Veja a ocupação do uplink do ponto e os atendimentos recentes dos clientes dele.",
                vec![
                    end("Sim, vários", "escalate"),
                    end("Não, só este cliente", "work_order"),
                ],
            ),
            node(
                "horario",
                "A lentidão é em um horário específico ou em um site ou aplicativo específico?",
                "Em que momento do dia o(a) senhor(a) percebe a lentidão, e em quais sites ou \
                 aplicativos?",
                "Lentidão só num serviço costuma ser rota ou o próprio serviço; à noite em tudo, \
                 ocupação do ponto.",
                vec![
                    go("À noite, em todos os sites", "ponto"),
                    end("Só num site ou jogo", "escalate"),
                    end("O cliente ficou satisfeito com o teste", "resolved"),
                ],
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Definition {
        start: String,
        nodes: Vec<Node>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Node {
        id: String,
        question: String,
        customer_explanation: String,
        operator_explanation: String,
        options: Vec<Choice>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Choice {
        label: String,
        next: Option<String>,
        outcome: Option<String>,
    }

    /// The number of nodes on the longest path from `id`, failing on a cycle.
    fn depth<'a>(
        nodes: &HashMap<&'a str, &'a Node>,
        id: &'a str,
        path: &mut Vec<&'a str>,
    ) -> usize {
        assert!(!path.contains(&id), "cycle through {id}");
        path.push(id);
        let deepest = nodes[id]
            .options
            .iter()
            .filter_map(|option| option.next.as_deref())
            .map(|next| depth(nodes, next, path))
            .max()
            .unwrap_or(0);
        path.pop();
        deepest + 1
    }

    #[test]
    fn scripts_are_well_formed_and_deep() {
        for script in new_scripts() {
            let definition: Definition =
                serde_json::from_str(&script.definition).expect("the documented shape");
            let nodes: HashMap<&str, &Node> = definition
                .nodes
                .iter()
                .map(|node| (node.id.as_str(), node))
                .collect();
            assert_eq!(nodes.len(), definition.nodes.len(), "unique ids");
            assert!(nodes.contains_key(definition.start.as_str()));
            let mut reached = HashSet::from([definition.start.as_str()]);
            for node in &definition.nodes {
                assert!(!node.question.is_empty() && !node.customer_explanation.is_empty());
                assert!(!node.operator_explanation.is_empty() && node.options.len() >= 2);
                for option in &node.options {
                    assert!(!option.label.is_empty());
                    if let Some(next) = &option.next {
                        assert!(
                            option.outcome.is_none(),
                            "{}: next and outcome",
                            option.label
                        );
                        assert!(nodes.contains_key(next.as_str()), "{next} missing");
                        reached.insert(next.as_str());
                    } else {
                        let outcome = option.outcome.as_deref().expect("next or outcome");
                        assert!(["resolved", "work_order", "escalate"].contains(&outcome));
                    }
                }
            }
            assert_eq!(
                reached.len(),
                nodes.len(),
                "{}: unreachable nodes",
                script.name
            );
            let depth = depth(&nodes, &definition.start, &mut Vec::new());
            assert!(depth >= 5, "{}: depth {depth}", script.name);
        }
    }
}
