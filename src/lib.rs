//! ssos-lint: reads a district's SSoS prioritization submission, finds the
//! guidance's eight sections, checks their sub-prompts and reports what is
//! missing.
//!
//! Data flows one way: [`read`] (files → [`model::Document`]) → [`map`]
//! (document → sections) → [`check`] (rules over sections) → [`report`]
//! (one report value) → [`render`] (human, JSON, SARIF, ...).

pub mod model;
pub mod read;
pub mod report;
pub mod render;
pub mod map;
pub mod pack;
pub mod check;
pub mod config;
pub mod lint;
pub mod batch;
pub mod cli;
