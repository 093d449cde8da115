//! Inline output for the evcxr Jupyter kernel.

/// Shows an SVG figure inline in a notebook, through evcxr's content protocol.
pub fn show_svg(svg: &str) {
    println!("EVCXR_BEGIN_CONTENT image/svg+xml\n{svg}\nEVCXR_END_CONTENT");
}
