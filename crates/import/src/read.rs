//! Reading a CSV file as ERPs and spreadsheets write it, never holding more than a buffer
//! of it: one pass finds its identity (size, SHA-256) and encoding (UTF-8 unless it is not
//! valid UTF-8, then Windows-1252), the header line gives the delimiter; then records are
//! read by the `csv` crate from a stream decoded by `encoding_rs_io`.
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;
use sha2::{Digest, Sha256};

use crate::ImportError;

/// How many rows the preview shows.
pub const PREVIEW_ROWS: usize = 5;
const CHUNK: usize = 256 * 1024;
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a file is, before its columns are mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub size: u64,
    /// SHA-256, in hex.
    pub hash: String,
    /// "UTF-8", "UTF-8 com BOM" or "Windows-1252".
    pub encoding: String,
    pub delimiter: u8,
    /// The header line's names, trimmed.
    pub headers: Vec<String>,
    /// The first rows, as read.
    pub preview: Vec<Vec<String>>,
}

impl Inspection {
    fn encoding(&self) -> &'static Encoding {
        match self.encoding.as_str() {
            "Windows-1252" => WINDOWS_1252,
            _ => UTF_8,
        }
    }
}

/// Reads the whole file once (identity and encoding) and its first lines (delimiter,
/// header, preview); refuses, in pt-BR, a file that is empty, binary or has no header.
pub fn inspect(path: &Path) -> Result<Inspection, ImportError> {
    let mut file = File::open(path).map_err(|error| ImportError::io("abrir", &error))?;
    let mut head = Vec::new();
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; CHUNK];
    let mut size = 0u64;
    let mut utf8 = Utf8Check::default();
    loop {
        let read = file
            .read(&mut buffer)
            .map_err(|error| ImportError::io("ler", &error))?;
        if read == 0 {
            break;
        }
        let chunk = &buffer[..read];
        hasher.update(chunk);
        size += read as u64;
        if head.len() < CHUNK {
            head.extend_from_slice(&chunk[..chunk.len().min(CHUNK - head.len())]);
        }
        utf8.feed(chunk);
    }
    refuse_non_text(&head)?;
    let has_bom = head.starts_with(BOM);
    let encoding = match (has_bom, utf8.valid()) {
        (true, _) => "UTF-8 com BOM",
        (false, true) => "UTF-8",
        (false, false) => "Windows-1252",
    };
    let mut inspection = Inspection {
        size,
        hash: hex(&hasher.finalize()),
        encoding: encoding.into(),
        delimiter: b';',
        headers: Vec::new(),
        preview: Vec::new(),
    };
    let (text, _, _) = inspection.encoding().decode(&head);
    let first_line = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .ok_or_else(|| {
            ImportError::File("O arquivo está vazio: não há cabeçalho nem linhas.".into())
        })?;
    inspection.delimiter = delimiter(first_line).ok_or_else(|| {
        ImportError::File(
            "A primeira linha não tem colunas separadas por ponto e vírgula (;) nem por vírgula (,): \
             o arquivo deve ser um CSV com os nomes das colunas na primeira linha."
                .into(),
        )
    })?;
    let mut records = Records::open(path, &inspection, 0)?;
    inspection.headers = records.headers.clone();
    while inspection.preview.len() < PREVIEW_ROWS {
        match records.next() {
            Some(record) => inspection.preview.push(record?.values),
            None => break,
        }
    }
    Ok(inspection)
}

/// A spreadsheet, document, image or other binary file is not a CSV.
fn refuse_non_text(head: &[u8]) -> Result<(), ImportError> {
    let body = head.strip_prefix(BOM).unwrap_or(head);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::File(
            "O arquivo está vazio: não há cabeçalho nem linhas.".into(),
        ));
    }
    let controls = body
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        .count();
    if body.starts_with(b"PK\x03\x04") || body.contains(&0) || controls * 100 > body.len() {
        return Err(ImportError::File(
            "O arquivo não é um CSV: parece binário (uma planilha .xlsx, um PDF, uma imagem…). \
             Na planilha, use \"Salvar como\" CSV e escolha o arquivo salvo."
                .into(),
        ));
    }
    Ok(())
}

/// The delimiter the header line uses: the most frequent of `;`, `,` and tab outside
/// quotes, or `None` when it has none.
fn delimiter(line: &str) -> Option<u8> {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let (best, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(index, count)| (**count, std::cmp::Reverse(*index)))?;
    (*count > 0).then_some([b';', b',', b'\t'][best])
}

/// Whether a stream of chunks is valid UTF-8, a character cut between chunks included.
#[derive(Default)]
struct Utf8Check {
    pending: Vec<u8>,
    invalid: bool,
}

impl Utf8Check {
    fn feed(&mut self, chunk: &[u8]) {
        if self.invalid {
            return;
        }
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(chunk);
        match std::str::from_utf8(&bytes) {
            Ok(_) => {}
            Err(error) if error.error_len().is_none() => {
                self.pending = bytes[error.valid_up_to()..].to_vec();
            }
            Err(_) => self.invalid = true,
        }
    }

    fn valid(&self) -> bool {
        !self.invalid && self.pending.is_empty()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One record of the file: the line where it starts and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub values: Vec<String>,
}

/// The records after the header, streamed; `bytes_read` counts the file's bytes consumed.
pub struct Records {
    reader: csv::Reader<Box<dyn Read + Send>>,
    record: csv::StringRecord,
    pub headers: Vec<String>,
    pub bytes_read: Arc<AtomicU64>,
}

impl Records {
    /// Opens the file as `inspection` read it and skips its header and `skip` records.
    pub fn open(path: &Path, inspection: &Inspection, skip: u64) -> Result<Records, ImportError> {
        let file = File::open(path).map_err(|error| ImportError::io("abrir", &error))?;
        let bytes_read = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: file,
            count: bytes_read.clone(),
        };
        let decoded = DecodeReaderBytesBuilder::new()
            .encoding(Some(inspection.encoding()))
            .bom_override(true)
            .build(counted);
        let reader: Box<dyn Read + Send> = Box::new(BufReader::with_capacity(CHUNK, decoded));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(inspection.delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(reader);
        let mut record = csv::StringRecord::new();
        let read = reader.read_record(&mut record).map_err(csv_problem)?;
        if !read {
            return Err(ImportError::File(
                "O arquivo está vazio: não há cabeçalho nem linhas.".into(),
            ));
        }
        let headers = record
            .iter()
            .map(|header| header.trim().to_owned())
            .collect();
        let mut records = Records {
            reader,
            record,
            headers,
            bytes_read,
        };
        for _ in 0..skip {
            if records.next().transpose()?.is_none() {
                break;
            }
        }
        Ok(records)
    }
}

impl Iterator for Records {
    type Item = Result<Record, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(Ok(Record {
                line: self.record.position().map_or(0, |position| position.line()),
                values: self.record.iter().map(str::to_owned).collect(),
            })),
            Err(error) => Some(Err(csv_problem(error))),
        }
    }
}

fn csv_problem(error: csv::Error) -> ImportError {
    let line = error
        .position()
        .map(|position| format!(" (linha {})", position.line()))
        .unwrap_or_default();
    match error.kind() {
        csv::ErrorKind::Io(io) => ImportError::io("ler", io),
        _ => ImportError::File(format!("O arquivo não é um CSV legível{line}: {error}.")),
    }
}

/// A reader counting the bytes it gives.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_header_lines_most_frequent_outside_quotes() {
        assert_eq!(delimiter("Nome;CPF;\"Cidade, UF\""), Some(b';'));
        assert_eq!(delimiter("Nome,CPF,Cidade"), Some(b','));
        assert_eq!(delimiter("Nome\tCPF"), Some(b'\t'));
        assert_eq!(delimiter("Só uma coluna"), None);
    }

    #[test]
    fn utf8_cut_between_chunks_is_still_utf8() {
        let text = "Conceição".as_bytes();
        let mut check = Utf8Check::default();
        check.feed(&text[..6]);
        check.feed(&text[6..]);
        assert!(check.valid());
        let mut check = Utf8Check::default();
        check.feed(b"Concei\xe7\xe3o");
        assert!(!check.valid());
    }
}
