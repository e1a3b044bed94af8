use super::RenderOptions;
use crate::report::Report;

pub fn render(_report: &Report, _options: &RenderOptions) -> String {
    String::new()
}
