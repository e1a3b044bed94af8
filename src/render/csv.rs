use crate::report::Report;

pub fn render(_report: &Report) -> String {
    String::new()
}
