//! Nothing of its own: building this crate builds rand (0.4 API), regex and md5 for HumanEval-X.
