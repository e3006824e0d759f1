//! An attached file handed to the operator ("Abrir", "Salvar como…"): its content checked
//! against the hash it is stored under, and its name made safe to be a file name in a folder
//! of the shell's choosing. A display name never becomes a path unchecked.
use crate::form::FieldError;

/// The field of the messages about opening or saving an attached file.
pub const FIELD: &str = "anexo-abrir";

/// The name used when nothing of the display name is left.
const FALLBACK: &str = "anexo";

/// Names Windows keeps for its devices, with or without an extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `name` as one file name, safe on Linux, macOS and Windows: each path separator, control
/// character or character Windows refuses becomes `_`, a leading dot (a hidden file) and
/// trailing dots and spaces go, a device name gets a `_` before it, at most 255 characters;
/// an empty result is "anexo".
pub fn safe_file_name(name: &str) -> String {
    let replaced: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let mut safe: String = trimmed.chars().take(255).collect();
    if safe.is_empty() {
        return FALLBACK.to_owned();
    }
    let stem = safe.split('.').next().unwrap_or("").trim_end();
    if RESERVED
        .iter()
        .any(|device| device.eq_ignore_ascii_case(stem))
    {
        safe.insert(0, '_');
    }
    safe
}

/// Why the file `name` is not handed over: what is stored under its hash is not its content
/// (changed or damaged on disk).
pub fn content_changed(name: &str) -> FieldError {
    FieldError::new(
        FIELD,
        format!(
            "O arquivo \"{name}\" na pasta de anexos foi alterado ou está danificado: ele não \
             confere com o que foi anexado e não será aberto."
        ),
    )
}

/// Why the file `name` cannot be opened: it is not in the attachments folder of this
/// desktop (it was attached on another one and has not arrived).
pub fn not_here(name: &str) -> FieldError {
    FieldError::new(
        FIELD,
        format!("O arquivo \"{name}\" não está na pasta de anexos deste computador."),
    )
}

/// Why the system could not open the file `name`.
pub fn no_viewer(name: &str) -> FieldError {
    FieldError::new(
        FIELD,
        format!(
            "O sistema não conseguiu abrir \"{name}\": use \"Salvar como…\" e abra-o pelo \
             gerenciador de arquivos."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_name_stays() {
        assert_eq!(
            safe_file_name("Relatório da ONU (1).pdf"),
            "Relatório da ONU (1).pdf"
        );
    }

    #[test]
    fn separators_devices_and_hidden_names_are_made_safe() {
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_name("c:\\windows\\x.dll"), "c__windows_x.dll");
        assert_eq!(safe_file_name(".bashrc"), "bashrc");
        assert_eq!(safe_file_name("nota?.txt. "), "nota_.txt");
        assert_eq!(safe_file_name("linha\nnova.txt"), "linha_nova.txt");
        assert_eq!(safe_file_name("con.txt"), "_con.txt");
        assert_eq!(safe_file_name("LPT1"), "_LPT1");
        assert_eq!(safe_file_name(" .. "), "anexo");
        assert_eq!(safe_file_name(&"á".repeat(300)).chars().count(), 255);
        for name in ["..", "a/../b", "/abs", "C:x"] {
            let safe = safe_file_name(name);
            assert!(!safe.contains(['/', '\\', ':']) && safe != ".." && !safe.starts_with('.'));
        }
    }
}
