// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/models_command.h"

#include "cli/cli_errors.h"
#include "engine/model_info.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace atelier::cli {

CLI::App* addModelsCommand(CLI::App& app, ModelsOptions& o) {
    CLI::App* models = app.add_subcommand("models", "Work with model files");
    models->require_subcommand(1);
    CLI::App* inspect = models->add_subcommand("inspect", "Detect a model's architecture and check its weights");
    inspect->add_option("path", o.path, "Diffusers folder or single-file checkpoint")->required();
    inspect->add_flag("--json", o.json, "Print one JSON object");
    return models;
}

int runModelsInspect(const ModelsOptions& o, std::ostream& out, std::ostream& err) {
    try {
        const engine::ModelInspection info = engine::inspectModel(o.path);
        if (o.json) {
            nlohmann::json j = {{"path", info.path},           {"format", info.format},
                                {"loadable", info.loadable},   {"architecture", info.architecture},
                                {"prediction_type", info.predictionType}, {"file_dtype", info.fileDtype},
                                {"parameters", info.parameterCounts},     {"problem", info.problem}};
            out << j.dump(2) << "\n";
        } else {
            out << "path            " << info.path << "\n"
                << "format          " << info.format << "\n";
            if (info.loadable) {
                out << "architecture    " << info.architecture << "\n"
                    << "prediction      " << info.predictionType << "\n"
                    << "weights dtype   " << info.fileDtype << "\n";
                for (const auto& [component, count] : info.parameterCounts) {
                    out << "parameters      " << component << ": " << count << "\n";
                }
                out << "keys            all present, none unexpected\n";
            } else {
                out << "problem         " << info.problem << "\n";
            }
        }
        return info.loadable ? kExitOk : kExitFailure;
    } catch (const std::exception& e) {
        err << "atelier-cli models inspect: error: " << e.what() << "\n";
        return kExitFailure;
    }
}

} // namespace atelier::cli
