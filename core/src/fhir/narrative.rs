//! The short generated narrative every resource carries (`text`), so that the FHIR
//! validator's best-practice rule dom-6 holds. It holds only what the resource holds
//! (pseudonymous ids, vocabulary labels, dates), escaped for XHTML.

use serde_json::{json, Value};

/// `text` of a resource: status `generated` and an XHTML `div` with one paragraph.
pub(crate) fn text(summary: &str) -> Value {
    json!({
        "status": "generated",
        "div": format!("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{}</p></div>", escape(summary)),
    })
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        let t = super::text("a <b> & \"c\"");
        assert_eq!(
            t["div"],
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a &lt;b&gt; &amp; &quot;c&quot;</p></div>"
        );
    }
}
