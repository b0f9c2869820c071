//! Barcodes as people type or scan them: a GTIN (UPC-A, EAN-8, EAN-13 or GTIN-14) is the same
//! product whatever the zeros in front, so a code is compared without them.

/// The code in `text` when it reads as a barcode, without its leading zeros: 8 to 14 digits
/// and nothing else (a scanner types the digits, then Enter). USDA's food ids are 5 digits and
/// FDC's carry their "fdc:" prefix, so no id reads as a barcode.
pub fn barcode(text: &str) -> Option<&str> {
    let t = text.trim();
    let digits = (8..=14).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| t.trim_start_matches('0')).filter(|code| !code.is_empty())
}

#[cfg(test)]
mod tests {
    use super::barcode;

    #[test]
    fn upc_ean_and_gtin_14_of_one_product_are_one_code() {
        for text in ["850000123456", "0850000123456", "00850000123456", " 00850000123456\n"] {
            assert_eq!(barcode(text), Some("850000123456"), "{text:?}");
        }
        assert_eq!(barcode("96385074"), Some("96385074"), "EAN-8");
    }

    #[test]
    fn ids_words_and_odd_lengths_are_not_barcodes() {
        for text in ["12061", "fdc:2345678", "1234567", "123456789012345", "85000012345a", "00000000", ""] {
            assert_eq!(barcode(text), None, "{text:?}");
        }
    }
}
