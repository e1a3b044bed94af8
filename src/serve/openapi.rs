//! The API's OpenAPI 3.1 description, served at `/api/v1/openapi.json`.
//! Its schemas are generated from the Rust types ([`Report`], [`ApiError`])
//! by schemars, so the description cannot drift from what the API sends.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::report::Report;

/// The body of every error answer of the API.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ApiError {
    pub error: ErrorBody,
    /// With `422`: the report, whose `files[].diagnostics` say why the plan
    /// could not be read (`ssos::input::…` codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ErrorBody {
    /// The HTTP status, repeated.
    pub status: u16,
    /// A stable code: `bad_request`, `bad_form`, `bad_upload`, `no_file`,
    /// `not_found`, `method_not_allowed`, `timeout`, `too_large`,
    /// `unsupported_media_type`, `unreadable`, `busy`, `internal`.
    pub code: String,
    /// What went wrong and what to do, in plain words.
    pub message: String,
}

/// The OpenAPI document.
pub fn openapi() -> Value {
    let mut generator =
        SchemaSettings::draft2020_12().with(|s| s.definitions_path = "/components/schemas".into()).into_generator();
    let report = generator.subschema_for::<Report>().to_value();
    let error = generator.subschema_for::<ApiError>().to_value();
    let schemas = generator.take_definitions(true);
    let error_response = |description: &str| json!({ "description": description, "content": { "application/json": { "schema": error } } });
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "ssos-lint",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Checks a district's plan against the guidance of the server's rules pack and answers the JSON \
                            report of `ssos-lint check --format json`. Uploads are checked in memory and never kept."
        },
        "paths": {
            "/api/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Check one plan (Word, Excel, PowerPoint, PDF, a saved email or a zip file)",
                    "parameters": [
                        { "name": "X-Filename", "in": "header", "required": false,
                          "description": "The file's name, for a raw body (folders are dropped).",
                          "schema": { "type": "string" } },
                        { "name": "filename", "in": "query", "required": false,
                          "description": "The file's name, when no X-Filename header is sent.",
                          "schema": { "type": "string" } }
                    ],
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/octet-stream": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } },
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "properties": { "plan": { "type": "string", "contentMediaType": "application/octet-stream" } },
                                    "required": ["plan"]
                                }
                            }
                        }
                    },
                    "responses": {
                        "200": { "description": "The report (every status: pass, fail).",
                                 "content": { "application/json": { "schema": report } } },
                        "400": error_response("No file, an empty file, or a malformed form or upload."),
                        "405": error_response("Only POST is allowed."),
                        "408": error_response("The upload stalled or took too long."),
                        "413": error_response("The file is over the size limit."),
                        "415": error_response("The body is neither a file nor a multipart form."),
                        "422": error_response("No submission in the file could be read; `report` says why."),
                        "503": error_response("Too busy (retry after the Retry-After seconds), or the check took too long.")
                    }
                }
            },
            "/api/v1/annotate": {
                "post": {
                    "operationId": "annotate",
                    "summary": "The plan (.docx) back with one Word comment per finding",
                    "parameters": [
                        { "name": "X-Filename", "in": "header", "required": false,
                          "schema": { "type": "string" } },
                        { "name": "filename", "in": "query", "required": false,
                          "schema": { "type": "string" } }
                    ],
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/octet-stream": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } },
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "properties": { "plan": { "type": "string", "contentMediaType": "application/octet-stream" } },
                                    "required": ["plan"]
                                }
                            }
                        }
                    },
                    "responses": {
                        "200": { "description": "The annotated copy, as an attachment named PLAN.reviewed.docx.",
                                 "content": { "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
                                              { "schema": { "type": "string", "contentMediaType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } } } },
                        "400": error_response("No file, an empty file, or a malformed form or upload."),
                        "405": error_response("Only POST is allowed."),
                        "408": error_response("The upload stalled or took too long."),
                        "413": error_response("The file is over the size limit."),
                        "415": error_response("The body is neither a file nor a multipart form."),
                        "422": error_response("The file is not a readable Word document (.docx)."),
                        "503": error_response("Too busy (retry after the Retry-After seconds), or the work took too long.")
                    }
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description",
                    "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": {} } } }
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "`ok` while the service accepts work",
                    "responses": { "200": { "description": "ok", "content": { "text/plain": { "schema": { "const": "ok" } } } } }
                }
            }
        },
        "components": { "schemas": schemas }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_to_components() {
        let doc = openapi();
        let check = &doc["paths"]["/api/v1/check"]["post"]["responses"];
        assert_eq!(check["200"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Report");
        assert_eq!(check["413"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ApiError");
        let text = doc.to_string();
        for name in ["Report", "ApiError", "ErrorBody", "FileReport", "Diagnostic", "SectionReport"] {
            assert!(doc["components"]["schemas"].get(name).is_some(), "{name} missing");
        }
        assert!(!text.contains("#/$defs/"), "every reference points into components");
    }
}
