//! The deterministic data set the API serves, generated once from the seed.

mod assets;
mod report_data;

pub use assets::{generate_assets, Asset, Compliance};
pub use report_data::{
    generate_non_compliant_assets, generate_special_notes, NonCompliantAsset, SpecialNote,
};

use crate::config::Config;

/// Everything generated from the seed: the assets and the report data derived from them.
#[derive(Debug)]
pub struct DataSet {
    /// All assets, in ip order.
    pub assets: Vec<Asset>,
    /// Special notes, each on one of the assets.
    pub special_notes: Vec<SpecialNote>,
    /// The first Fail assets in ip order, with their findings.
    pub non_compliant_assets: Vec<NonCompliantAsset>,
}

impl DataSet {
    /// Generates the data set the options describe.
    pub fn generate(config: &Config) -> Self {
        let assets = generate_assets(config.assets, config.seed);
        let special_notes = generate_special_notes(&assets, config.special_notes, config.seed);
        let non_compliant_assets =
            generate_non_compliant_assets(&assets, config.non_compliant_assets, config.seed);
        Self {
            assets,
            special_notes,
            non_compliant_assets,
        }
    }

    /// How many assets fail compliance.
    pub fn fail_count(&self) -> usize {
        self.assets
            .iter()
            .filter(|asset| asset.status == Compliance::Fail)
            .count()
    }
}
