/// True for one DNS hostname per RFC 1123: dot-separated labels of letters,
/// digits and inner hyphens, each 1-63 characters, 253 in all. A single
/// trailing dot (the root) is allowed.
pub fn is_hostname(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.is_empty() || name.len() > 253 {
        return false;
    }
    name.split('.').all(|label| {
        let bytes = label.as_bytes();
        !bytes.is_empty()
            && bytes.len() <= 63
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
            && bytes.first() != Some(&b'-')
            && bytes.last() != Some(&b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::is_hostname;

    #[test]
    fn hostnames_from_the_vendor_samples_are_accepted() {
        for ok in [
            "abc.com",
            "123.123.123.130.bc.googleusercontent.com",
            "ec2-12-123-12-250.sa-east-1.compute.amazonaws.com",
            "localhost",
            "example.com.",
        ] {
            assert!(is_hostname(ok), "{ok}");
        }
    }

    #[test]
    fn labels_at_the_length_limits() {
        let label63 = "a".repeat(63);
        assert!(is_hostname(&label63));
        assert!(!is_hostname(&"a".repeat(64)), "64-character label");
        let name253 = [label63.as_str(); 4].join(".")[..253].to_owned();
        assert!(is_hostname(&name253), "253 characters");
        assert!(!is_hostname(&format!("{name253}a")), "254 characters");
    }

    #[test]
    fn malformed_names_are_refused() {
        for bad in [
            "",
            ".",
            "a..b",
            "-a.com",
            "a-.com",
            "a b.com",
            "a_b.com",
            "é.com",
            "a.com,b.com",
            "a.com/x",
        ] {
            assert!(!is_hostname(bad), "{bad:?}");
        }
    }
}
