//! Lower-case hexadecimal text of bytes: how blobs travel in sync messages, how sealed
//! secrets are stored and how the server names content-addressed files.

/// The digits, by value.
const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Lower-case hex of `bytes`, two digits a byte.
pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        for nibble in [byte >> 4, byte & 0x0f] {
            text.push(char::from(DIGITS[usize::from(nibble)]));
        }
    }
    text
}

/// The bytes written as hex in `text` (digits of either case), or `None` when its length is
/// odd or it holds anything but hex digits.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    text.chunks_exact(2)
        .map(|pair| match *pair {
            [high, low] => Some(digit(high)? << 4 | digit(low)?),
            _ => None,
        })
        .collect()
}

/// The value of one hex digit.
fn digit(character: u8) -> Option<u8> {
    match character {
        b'0'..=b'9' => Some(character - b'0'),
        b'a'..=b'f' => Some(character - b'a' + 10),
        b'A'..=b'F' => Some(character - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_two_lower_case_digits_a_byte() {
        assert_eq!(encode(&[]), "");
        assert_eq!(encode(&[0, 1, 0x0f, 0x10, 0xab, 0xff]), "00010f10abff");
    }

    #[test]
    fn decodes_either_case() {
        assert_eq!(decode(""), Some(vec![]));
        assert_eq!(
            decode("00010f10abff"),
            Some(vec![0, 1, 0x0f, 0x10, 0xab, 0xff])
        );
        assert_eq!(decode("ABff"), Some(vec![0xab, 0xff]));
    }

    #[test]
    fn refuses_what_is_not_hex() {
        for text in ["abc", "0g", "+f", "-1", " a", "é0", "0x"] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }

    #[test]
    fn every_byte_round_trips() {
        let bytes: Vec<u8> = (0..=u8::MAX).collect();
        assert_eq!(decode(&encode(&bytes)), Some(bytes));
    }
}
