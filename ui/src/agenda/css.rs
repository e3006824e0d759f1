//! Positions and colours set through the CSSOM: the CSP forbids `style=""` attributes,
//! not changes made from script.
use web_sys::HtmlElement;

/// Sets `property` to `value` on `element`'s own style; a value the browser refuses is left
/// out, which only costs the look.
pub fn set(element: &HtmlElement, property: &str, value: &str) {
    let _ = element.style().set_property(property, value);
}

/// Takes `property` back off `element`'s own style.
pub fn clear(element: &HtmlElement, property: &str) {
    let _ = element.style().remove_property(property);
}

/// Places `element` in a time grid's overlay of `columns` equal columns: `top` and `height`
/// in pixels, in column `column`, lane `lane` of `lanes`.
pub fn place_box(
    element: &HtmlElement,
    top: f64,
    height: f64,
    column: usize,
    columns: usize,
    lane: usize,
    lanes: usize,
) {
    let columns = columns.max(1) as f64;
    let lanes = lanes.max(1) as f64;
    let left = (column as f64 + lane as f64 / lanes) / columns * 100.0;
    let width = 100.0 / columns / lanes;
    set(element, "top", &format!("{top:.2}px"));
    set(element, "height", &format!("{height:.2}px"));
    set(element, "left", &format!("calc({left:.4}% + 2px)"));
    set(element, "width", &format!("calc({width:.4}% - 4px)"));
}

/// Sets the `--visit-color` that a visit's CSS paints with, when `color` is a `#rrggbb`.
pub fn set_visit_color(element: &HtmlElement, color: &str) {
    if is_hex_color(color) {
        set(element, "--visit-color", color);
    }
}

/// Whether `color` is `#rrggbb`: only such values reach the style.
pub fn is_hex_color(color: &str) -> bool {
    color.len() == 7
        && color.starts_with('#')
        && color[1..].bytes().all(|byte| byte.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hex_colours_reach_the_style() {
        assert!(is_hex_color("#2E7D32"));
        assert!(!is_hex_color("red"));
        assert!(!is_hex_color("#2E7D3"));
        assert!(!is_hex_color("#2E7D32;x"));
        assert!(!is_hex_color("#GGGGGG"));
    }
}
