//! The short generated narrative every resource carries (`text`), so that the FHIR
//! validator's best-practice rule dom-6 holds. It holds only what the resource holds
//! (pseudonymous ids, vocabulary labels, dates), escaped for XHTML.

use serde_json::{json, Value};

/// `text` of a resource: status `generated` and an XHTML `div` with one paragraph.
pub(crate) fn text(summary: &str) -> Value {
    json!({
        "status": "generated",
        "div": format!("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{}</p></div>", crate::text::escape_html(summary)),
    })
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
