//! What support gets from a desktop: the UI's errors as they go into the log, secrets masked
//! in what is logged, "Sobre" (the version, the database, how sync stands), and the summary
//! of the diagnostic zip ("Exportar diagnóstico"). No IO: the shell reads the files and the
//! database and hands the facts here.
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::sync::SyncStatus;

/// The longest message of a UI report kept in the log, in characters.
pub const MAX_REPORT_CHARS: usize = 2_000;
/// The longest `source` of a UI report kept in the log, in characters.
pub const MAX_SOURCE_CHARS: usize = 120;
/// How many of the log's last warnings and errors the summary repeats.
pub const LAST_ERRORS: usize = 20;
/// The summary's name inside the diagnostic zip.
pub const SUMMARY_FILE: &str = "resumo.txt";
/// The folder of the log files inside the diagnostic zip.
pub const LOGS_FOLDER: &str = "logs";

/// What went wrong in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum UiReportKind {
    /// The UI's code panicked (the window stops answering).
    Panic,
    /// An uncaught error or rejected promise in the page.
    Page,
    /// A command failed by a fault that is not the operator's (an internal error, an
    /// answer the window could not read); the window shows it.
    Fault,
    /// A command refused what the operator asked (a field, a right, a conflict); the window
    /// shows why.
    Refusal,
}

/// An error of the window, for the app's log (`log_ui_error`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UiReport {
    pub kind: UiReportKind,
    /// Where: the command's name, the panic's location, the script's place.
    pub source: String,
    /// What: the error's message (never a form's values).
    pub message: String,
}

impl UiReport {
    /// Whether the log takes it as an error (a panic, or a fault that is not the
    /// operator's); else as a warning.
    pub fn is_fault(&self) -> bool {
        !matches!(self.kind, UiReportKind::Refusal)
    }

    /// The report as one log line: on one line (no forged lines), cut to its limits, with
    /// what looks like a secret masked.
    pub fn log_line(&self) -> String {
        let kind = match self.kind {
            UiReportKind::Panic => "panic",
            UiReportKind::Page => "page error",
            UiReportKind::Fault => "command fault",
            UiReportKind::Refusal => "command refusal",
        };
        format!(
            "window {kind} at {}: {}",
            one_line(&self.source, MAX_SOURCE_CHARS),
            redact(&one_line(&self.message, MAX_REPORT_CHARS))
        )
    }
}

/// `text` on one line (controls and line breaks become spaces), at most `limit`
/// characters (an ellipsis marks the cut).
pub fn one_line(text: &str, limit: usize) -> String {
    let mut line: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(limit)
        .collect();
    if text.trim().chars().count() > limit {
        line.push('…');
    }
    line
}

/// Words after which a value is a secret, in any case ("password=…", "senha: …",
/// "Authorization: Bearer …").
const SECRET_WORDS: &[&str] = &[
    "password",
    "senha",
    "passwd",
    "token",
    "secret",
    "api_key",
    "apikey",
    "bearer",
    "authorization",
];

/// What is masked in place of a secret.
pub const MASK: &str = "***";

/// `text` with the value after each secret word masked: `password=abc` becomes
/// `password=***`, `"senha": "x y"` becomes `"senha": "***"`. Words that only contain a
/// secret word ("passwords", "tokens") are not followed by a value and stay as they are.
pub fn redact(text: &str) -> String {
    let lower = text.to_lowercase();
    // Lower-casing can change lengths outside ASCII: then mask nothing rather than cut
    // a character in half (the words searched for are ASCII).
    if lower.len() != text.len() {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let Some((word_end, value)) = secret_value_at(&lower, at) else {
            at += 1;
            continue;
        };
        let (start, end) = value;
        out.push_str(&text[copied..start]);
        out.push_str(MASK);
        copied = end;
        at = end.max(word_end);
    }
    out.push_str(&text[copied..]);
    out
}

/// When a secret word starts at byte `at` of `lower` (at a word's start) and a value follows
/// it after a separator (`=`, `:`, or a space after "bearer"), the word's end and the value's
/// byte range.
fn secret_value_at(lower: &str, at: usize) -> Option<(usize, (usize, usize))> {
    let bytes = lower.as_bytes();
    if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    let rest = lower.get(at..)?;
    let word = SECRET_WORDS.iter().find(|word| rest.starts_with(*word))?;
    let word_end = at + word.len();
    let mut cursor = word_end;
    // A quote closing the key, as in JSON.
    if bytes.get(cursor) == Some(&b'"') {
        cursor += 1;
    }
    let spaces = |mut from: usize| {
        while bytes.get(from) == Some(&b' ') {
            from += 1;
        }
        from
    };
    cursor = spaces(cursor);
    match bytes.get(cursor) {
        Some(b'=' | b':') => cursor = spaces(cursor + 1),
        // "Bearer abc": the scheme's value follows a space.
        Some(_) if *word == "bearer" && cursor > word_end => {}
        _ => return None,
    }
    if bytes.get(cursor) == Some(&b'"') {
        let start = cursor + 1;
        let end = lower[start..]
            .find('"')
            .map_or(lower.len(), |off| start + off);
        return (end > start).then_some((word_end, (start, end)));
    }
    let start = cursor;
    let mut end = token_end(lower, start);
    // "Authorization: Bearer abc": the scheme and its credential are masked together.
    if matches!(&lower[start..end], "bearer" | "basic") {
        end = token_end(lower, spaces(end));
    }
    (end > start).then_some((word_end, (start, end)))
}

/// Where the unquoted value starting at byte `start` ends.
fn token_end(lower: &str, start: usize) -> usize {
    lower[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '}' | ')' | '&'))
        .map_or(lower.len(), |off| start + off)
}

/// "Sobre": the app's version, the database and how sync stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AboutInfo {
    /// The app's version (its package's).
    pub version: String,
    /// The database file, as this computer names it.
    pub database_path: String,
    /// The database's size in bytes (its file and write-ahead log).
    #[specta(type = f64)]
    pub database_bytes: u64,
    /// The folder of the app's log files.
    pub log_folder: String,
    pub sync: SyncStatus,
}

/// A size in bytes as people read it, in pt-BR ("812 bytes", "1,5 MB").
pub fn size_label(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    // Sizes of a desktop's files fit f64's exact integers.
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit]).replace('.', ",")
}

/// The summary inside the diagnostic zip: facts about this desktop and nothing a form
/// holds (no password, no secret, no message's text, no customer's data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticSummary {
    pub about: AboutInfo,
    /// The system, as `std::env::consts` names it (`linux x86_64`).
    pub os: String,
    /// When the summary was made, in UTC (`2026-12-05 17:30:00 UTC`).
    pub made_at: String,
    /// Each table of the database with its row count, by name.
    pub tables: Vec<(String, u64)>,
    /// The log's last warnings and errors, oldest first (see [`last_errors`]).
    pub last_errors: Vec<String>,
}

impl DiagnosticSummary {
    /// The summary as the text file support reads.
    pub fn render(&self) -> String {
        let about = &self.about;
        let sync = &about.sync;
        let mut text = String::new();
        let mut line = |label: &str, value: &str| {
            text.push_str(label);
            text.push_str(": ");
            text.push_str(value);
            text.push('\n');
        };
        line("Help Desk ISP — diagnóstico", &self.made_at);
        line("Versão", &about.version);
        line("Sistema", &self.os);
        line("Banco de dados", &about.database_path);
        line(
            "Tamanho do banco",
            &format!(
                "{} ({} bytes)",
                size_label(about.database_bytes),
                about.database_bytes
            ),
        );
        line("Pasta dos registros", &about.log_folder);
        line(
            "Servidor de sincronização",
            sync.server_url.as_deref().unwrap_or("não registrado"),
        );
        line(
            "Número deste computador",
            &format!("{:03}", sync.desktop_number),
        );
        line(
            "Perfil",
            sync.profile.map_or("—", |profile| profile.label()),
        );
        line(
            "Última sincronização (Unix ms)",
            &sync
                .last_sync_at
                .map_or_else(|| "nunca".to_owned(), |at| at.to_string()),
        );
        line("Alterações aguardando envio", &sync.waiting.to_string());
        line(
            "Pendências",
            &sync
                .set_aside
                .map_or_else(|| "—".to_owned(), |count| count.to_string()),
        );
        line(
            "Último erro da sincronização",
            &redact(sync.error.as_deref().unwrap_or("nenhum")),
        );
        text.push_str("\nTabelas (linhas):\n");
        for (table, rows) in &self.tables {
            text.push_str(&format!("  {table}: {rows}\n"));
        }
        text.push_str(&format!(
            "\nÚltimos avisos e erros do registro ({}):\n",
            self.last_errors.len()
        ));
        for error in &self.last_errors {
            text.push_str("  ");
            text.push_str(&redact(error));
            text.push('\n');
        }
        text
    }
}

/// The last `limit` warnings and errors of a log (lines written as
/// `[date][time][target][LEVEL] message`), oldest first.
pub fn last_errors(log: &str, limit: usize) -> Vec<String> {
    let mut found: Vec<String> = log
        .lines()
        .rev()
        .filter(|line| line.contains("][ERROR] ") || line.contains("][WARN] "))
        .take(limit)
        .map(|line| one_line(line, MAX_REPORT_CHARS))
        .collect();
    found.reverse();
    found
}

/// The zip's suggested file name for a moment given as `YYYYMMDD-HHMM`.
pub fn zip_file_name(stamp: &str) -> String {
    format!("helpdesk-diagnostico-{stamp}.zip")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status() -> SyncStatus {
        SyncStatus {
            server_url: Some("https://sync.exemplo.com.br".into()),
            desktop_number: 7,
            profile: None,
            last_sync_at: Some(1_700_000_000_000),
            waiting: 3,
            running: false,
            error: Some("token=abc123 recusado".into()),
            set_aside: None,
        }
    }

    #[test]
    fn secrets_after_their_words_are_masked() {
        assert_eq!(
            redact("login ana password=s3gr3d0 ok"),
            "login ana password=*** ok"
        );
        assert_eq!(
            redact(r#"{"login":"ana","password":"uma senha longa"}"#),
            r#"{"login":"ana","password":"***"}"#
        );
        assert_eq!(redact("Senha: abc, depois"), "Senha: ***, depois");
        assert_eq!(
            redact("Authorization: Bearer eyJhbGciOi"),
            "Authorization: ***"
        );
        assert_eq!(redact("bearer eyJhbGciOi"), "bearer ***");
        assert_eq!(
            redact("enrollment_token=tok-1&x=2"),
            "enrollment_token=***&x=2"
        );
        assert_eq!(redact("token = tok-1&x=2"), "token = ***&x=2");
    }

    #[test]
    fn words_without_a_value_stay() {
        for text in [
            "Usuário ou senha incorretos.",
            "the passwords differ",
            "tokens: 3", // "tokens" is not "token"
            "password",
            "senha:",
            "Não foi possível: sem rede",
            "ação: senha",
        ] {
            assert_eq!(redact(text), text);
        }
    }

    #[test]
    fn a_report_is_one_line_cut_to_its_limit() {
        let report = UiReport {
            kind: UiReportKind::Page,
            source: "app.js:1\nforged".into(),
            message: format!("{}\n[ERROR] forged line", "x".repeat(MAX_REPORT_CHARS)),
        };
        let line = report.log_line();
        assert!(!line.contains('\n'));
        assert!(line.starts_with("window page error at app.js:1 forged: "));
        assert!(line.ends_with("x…"));
        assert!(report.is_fault());

        let command = UiReport {
            kind: UiReportKind::Refusal,
            source: "login".into(),
            message: "falhou com senha=hunter2".into(),
        };
        assert_eq!(
            command.log_line(),
            "window command refusal at login: falhou com senha=***"
        );
        assert!(!command.is_fault());
    }

    #[test]
    fn the_last_errors_are_the_log_s_last_warnings_and_errors_in_order() {
        let log = "\
[2026-12-05][10:00:00][helpdesk_desktop][INFO] opening database\n\
[2026-12-05][10:00:01][helpdesk_sync][WARN] sync: unreachable\n\
[2026-12-05][10:00:02][helpdesk_desktop][ERROR] store error: locked\n\
[2026-12-05][10:00:03][helpdesk_desktop][INFO] operator ana logged in\n\
[2026-12-05][10:00:04][helpdesk_desktop][ERROR] window panic at x.rs:1: boom\n";
        assert_eq!(
            last_errors(log, 2),
            [
                "[2026-12-05][10:00:02][helpdesk_desktop][ERROR] store error: locked",
                "[2026-12-05][10:00:04][helpdesk_desktop][ERROR] window panic at x.rs:1: boom",
            ]
        );
        assert_eq!(last_errors(log, 10).len(), 3);
        assert!(last_errors("", 10).is_empty());
    }

    #[test]
    fn sizes_read_in_pt_br() {
        assert_eq!(size_label(812), "812 bytes");
        assert_eq!(size_label(1536), "1,5 KB");
        assert_eq!(size_label(5 * 1024 * 1024), "5,0 MB");
    }

    #[test]
    fn the_summary_holds_the_facts_and_masks_secrets() {
        let summary = DiagnosticSummary {
            about: AboutInfo {
                version: "0.1.0".into(),
                database_path: "/dados/helpdesk.db".into(),
                database_bytes: 2048,
                log_folder: "/dados/logs".into(),
                sync: status(),
            },
            os: "linux x86_64".into(),
            made_at: "2026-12-05 17:30:00 UTC".into(),
            tables: vec![("customers".into(), 12), ("tickets".into(), 3)],
            last_errors: vec!["[x][y][z][ERROR] password=hunter2 leaked".into()],
        };
        let text = summary.render();
        for expected in [
            "Versão: 0.1.0",
            "Sistema: linux x86_64",
            "Banco de dados: /dados/helpdesk.db",
            "Tamanho do banco: 2,0 KB (2048 bytes)",
            "Servidor de sincronização: https://sync.exemplo.com.br",
            "Número deste computador: 007",
            "Alterações aguardando envio: 3",
            "  customers: 12",
            "  tickets: 3",
            "Últimos avisos e erros do registro (1):",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
        assert!(!text.contains("hunter2"), "{text}");
        assert!(!text.contains("abc123"), "{text}");
    }

    #[test]
    fn no_form_shows_its_secret_when_logged() {
        use crate::auth::Credentials;
        use crate::password::{PasswordChange, PasswordReset};
        use crate::setup::ProviderSetup;
        use crate::sync::RegistrationForm;
        use crate::users::UserForm;
        const SECRET: &str = "s3gr3d0-XYZ";
        let secret = || SECRET.to_owned();
        let shown = [
            format!(
                "{:?}",
                Credentials {
                    login: "ana".into(),
                    password: secret(),
                }
            ),
            format!(
                "{:?}",
                PasswordChange {
                    current: secret(),
                    new_password: secret(),
                    confirmation: secret(),
                }
            ),
            format!(
                "{:?}",
                PasswordReset {
                    user_id: uuid::Uuid::nil(),
                    password: secret(),
                }
            ),
            format!(
                "{:?}",
                ProviderSetup {
                    provider_name: "Conecta".into(),
                    admin_name: "Rita".into(),
                    login: "rita".into(),
                    email: "rita@conecta.net.br".into(),
                    password: secret(),
                    confirmation: secret(),
                }
            ),
            format!(
                "{:?}",
                RegistrationForm {
                    server_url: "https://sync.exemplo.com.br".into(),
                    enrollment_token: secret(),
                    name: "Balcão".into(),
                    profile: None,
                }
            ),
            format!(
                "{:?}",
                UserForm {
                    id: None,
                    name: "Ana".into(),
                    login: "ana".into(),
                    email: "ana@conecta.net.br".into(),
                    role_id: None,
                    team_id: None,
                    password: secret(),
                }
            ),
        ];
        for text in shown {
            assert!(!text.contains(SECRET), "{text}");
            assert!(
                text.ends_with(", .. }") || text.ends_with("{ .. }"),
                "{text}"
            );
        }
    }

    #[test]
    fn the_zip_is_named_by_its_moment() {
        assert_eq!(
            zip_file_name("20261205-1730"),
            "helpdesk-diagnostico-20261205-1730.zip"
        );
    }
}
