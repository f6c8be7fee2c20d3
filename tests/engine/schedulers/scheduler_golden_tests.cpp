// SPDX-License-Identifier: GPL-3.0-or-later
// Every scheduler of golden/schedulers.json against diffusers v0.25.1:
// (a) timesteps, sigmas, init_noise_sigma, scale_model_input for 4/20/30 steps;
// (b) each step from the RECORDED input sample, model output and noise;
// (c) whole txt2img / img2img loops with the fake model.
#include "scheduler_golden.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

using namespace atelier;
using namespace atelier::test;
using engine::Scheduler;
using engine::StepNoise;

namespace {

constexpr double kSigmaRel = 1e-6;
constexpr double kFloatTimestepAbs = 1e-4;
constexpr double kStepMaxAbs = 1e-5;
constexpr double kLoopRelL2 = 1e-5;

std::string scientific(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3e", value);
    return text;
}

void expectTimestep(double out, double ref, bool integer, const std::string& what) {
    if (integer) {
        EXPECT_EQ(out, ref) << what;
    } else {
        EXPECT_NEAR(out, ref, kFloatTimestepAbs) << what;
    }
}

/// |out - ref| <= rel * |ref| with ref a JSON float32 value (shortest decimal, cast back to float).
void expectRel(double out, double ref, double rel, const std::string& what) {
    const double ref32 = static_cast<float>(ref);
    EXPECT_LE(std::abs(out - ref32), rel * std::abs(ref32)) << what << ": " << out << " vs " << ref32;
}

/// A trajectory set up as the reference ran it: timesteps, first step index, starting latents.
struct Trajectory {
    std::unique_ptr<Scheduler> scheduler;
    const json* record = nullptr;
    std::vector<double> timesteps;
    int firstStepIndex = 0;
    torch::Tensor start;         ///< computed starting latents (txt2img: initial_noise * init sigma; img2img: addNoise)
    torch::Tensor recordedStart; ///< the reference's starting latents
};

Trajectory prepare(const std::string& key, const std::string& name) {
    Trajectory run;
    run.scheduler = goldenSchedulerInstance(key);
    run.record = &goldenScheduler(key)[name];
    const json& r = *run.record;
    run.scheduler->setTimesteps(r["num_inference_steps"].get<int>());
    if (r.contains("strength")) {
        const engine::Img2ImgSchedule plan = run.scheduler->img2imgSchedule(r["strength"].get<double>());
        EXPECT_EQ(plan.tStart, r["t_start"].get<int>());
        const std::vector<double> ref = r["timesteps"].get<std::vector<double>>();
        EXPECT_EQ(plan.timesteps.size(), ref.size());
        for (std::size_t i = 0; i < std::min(ref.size(), plan.timesteps.size()); ++i)
            expectTimestep(plan.timesteps[i], ref[i], run.scheduler->integerTimesteps(), "img2img timestep " + std::to_string(i));
        expectTimestep(plan.latentTimestep, r["latent_timestep"].get<double>(), run.scheduler->integerTimesteps(),
                       "latent_timestep");
        run.timesteps = plan.timesteps;
        run.firstStepIndex = plan.firstStepIndex;
        const json& img = schedulersGolden()["img2img"];
        run.start = run.scheduler->addNoise(goldenTensor(img["init_latents"]), goldenTensor(img["noise"]),
                                            plan.latentTimestep);
        run.recordedStart = goldenTensor(r["noised_latents"]);
        EXPECT_LE(scaledMaxAbs(run.start, run.recordedStart), kStepMaxAbs) << "addNoise (noised_latents)";
    } else {
        // initial_latents = initial_noise * init_noise_sigma, as recorded.
        run.timesteps = run.scheduler->timesteps();
        run.start = goldenTensor(schedulersGolden()["initial_noise"]) * run.scheduler->initNoiseSigma();
        run.recordedStart = goldenTensor(r["initial_latents"]);
        EXPECT_LE(scaledMaxAbs(run.start, run.recordedStart), kStepMaxAbs) << "initial_latents";
    }
    EXPECT_EQ(run.timesteps.size(), r["steps"].size());
    return run;
}

StepNoise recordedNoise(const json& step) {
    return step.contains("noise") ? StepNoise::fixed(goldenTensor(step["noise"])) : StepNoise();
}

std::vector<std::pair<std::string, std::string>> trajectoryParams() {
    std::vector<std::pair<std::string, std::string>> params;
    for (const std::string& key : goldenSchedulerKeys())
        for (const std::string& name : goldenTrajectories(goldenScheduler(key))) params.emplace_back(key, name);
    return params;
}

std::string paramName(const std::string& text) {
    std::string out = text;
    std::replace_if(out.begin(), out.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return out;
}

class SchedulerSchedules : public ::testing::TestWithParam<std::string> {};
class SchedulerTrajectory : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

} // namespace

TEST(SchedulerGoldenFile, HasEveryScheduler) {
    ASSERT_FALSE(schedulersGolden().is_null()) << "missing " << goldenPath("schedulers.json");
    EXPECT_EQ(goldenSchedulerKeys().size(), 14u);
}

TEST_P(SchedulerSchedules, TimestepsSigmasAndScaling) {
    const json& entry = goldenScheduler(GetParam());
    std::unique_ptr<Scheduler> s = goldenSchedulerInstance(GetParam());
    double worstTimestep = 0.0, worstSigma = 0.0;
    for (const auto& item : entry["schedules"].items()) {
        SCOPED_TRACE(item.key() + " steps");
        const json& ref = item.value();
        s->setTimesteps(std::stoi(item.key()));
        const bool integer = ref["timesteps_dtype"].get<std::string>() == "int64";
        EXPECT_EQ(s->integerTimesteps(), integer);
        const std::vector<double> t = ref["timesteps"].get<std::vector<double>>();
        ASSERT_EQ(s->timesteps().size(), t.size());
        for (std::size_t i = 0; i < t.size(); ++i) {
            expectTimestep(s->timesteps()[i], t[i], integer, "timestep " + std::to_string(i));
            worstTimestep = std::max(worstTimestep, std::abs(s->timesteps()[i] - t[i]));
        }

        const std::vector<float> sigmas = s->sigmas();
        if (ref.contains("sigmas")) {
            const std::vector<double> refSigmas = ref["sigmas"].get<std::vector<double>>();
            ASSERT_EQ(sigmas.size(), refSigmas.size());
            for (std::size_t i = 0; i < refSigmas.size(); ++i) {
                expectRel(sigmas[i], refSigmas[i], kSigmaRel, "sigma " + std::to_string(i));
                if (refSigmas[i] != 0.0)
                    worstSigma = std::max(worstSigma, std::abs(sigmas[i] / static_cast<float>(refSigmas[i]) - 1.0));
            }
        } else {
            EXPECT_TRUE(sigmas.empty());
        }
        expectRel(s->initNoiseSigma(), ref["init_noise_sigma"].get<double>(), kSigmaRel, "init_noise_sigma");
        const std::vector<double> factors = ref["scale_model_input_factor"].get<std::vector<double>>();
        ASSERT_EQ(factors.size(), t.size());
        const torch::Tensor one = torch::ones({1});
        for (std::size_t i = 0; i < factors.size(); ++i)
            expectRel(s->scaleModelInput(one, static_cast<int>(i)).item<float>(), factors[i], kSigmaRel,
                      "scale_model_input_factor " + std::to_string(i));
    }
    RecordProperty("worst_timestep_abs", scientific(worstTimestep));
    RecordProperty("worst_sigma_rel", scientific(worstSigma));
}

TEST_P(SchedulerTrajectory, StepsFromRecordedInputs) {
    Trajectory run = prepare(GetParam().first, GetParam().second);
    const json& steps = (*run.record)["steps"];
    const bool lcm = run.scheduler->name() == "lcm";
    double worst = 0.0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        SCOPED_TRACE("step " + std::to_string(i));
        const json& step = steps[i];
        const int index = run.firstStepIndex + static_cast<int>(i);
        expectTimestep(run.timesteps[i], step["t"].get<double>(), run.scheduler->integerTimesteps(), "t");
        EXPECT_FLOAT_EQ(fakeModelCoefficient(step["t"].get<double>()), static_cast<float>(step["c_t"].get<double>()));

        const torch::Tensor sample = i == 0 ? run.recordedStart : goldenTensor(steps[i - 1]["prev_sample"]);
        const torch::Tensor modelInput = run.scheduler->scaleModelInput(sample, index);
        EXPECT_LE(scaledMaxAbs(modelInput, goldenTensor(step["model_input"])), kStepMaxAbs) << "model_input";

        const engine::SchedulerStepOutput out =
            run.scheduler->step(goldenTensor(step["model_output"]), index, sample, recordedNoise(step));
        const double err = scaledMaxAbs(out.prevSample, goldenTensor(step["prev_sample"]));
        EXPECT_LE(err, kStepMaxAbs) << "prev_sample";
        worst = std::max(worst, err);
        if (lcm) {
            EXPECT_LE(scaledMaxAbs(out.denoised, goldenTensor(step["denoised"])), kStepMaxAbs) << "denoised";
        }
    }
    RecordProperty("worst_prev_sample_scaled_max_abs", scientific(worst));
}

TEST_P(SchedulerTrajectory, FakeModelLoopFinalLatents) {
    Trajectory run = prepare(GetParam().first, GetParam().second);
    const json& steps = (*run.record)["steps"];
    torch::Tensor latents = run.start;
    torch::Tensor denoised;
    for (std::size_t i = 0; i < run.timesteps.size(); ++i) {
        const int index = run.firstStepIndex + static_cast<int>(i);
        const torch::Tensor modelInput = run.scheduler->scaleModelInput(latents, index);
        const torch::Tensor modelOutput = fakeModel(modelInput, run.timesteps[i]);
        const engine::SchedulerStepOutput out = run.scheduler->step(modelOutput, index, latents, recordedNoise(steps[i]));
        latents = out.prevSample;
        denoised = out.denoised;
    }
    const double err = relL2(latents, goldenTensor((*run.record)["final_latents"]));
    EXPECT_LE(err, kLoopRelL2) << "final_latents rel_l2";
    RecordProperty("final_latents_rel_l2", scientific(err));
    if (run.record->contains("final_denoised")) {
        EXPECT_LE(relL2(denoised, goldenTensor((*run.record)["final_denoised"])), kLoopRelL2) << "final_denoised";
    }
}

INSTANTIATE_TEST_SUITE_P(Golden, SchedulerSchedules, ::testing::ValuesIn(goldenSchedulerKeys()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return paramName(info.param); });
INSTANTIATE_TEST_SUITE_P(Golden, SchedulerTrajectory, ::testing::ValuesIn(trajectoryParams()),
                         [](const ::testing::TestParamInfo<std::pair<std::string, std::string>>& info) {
                             return paramName(info.param.first + "_" + info.param.second);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SchedulerSchedules);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SchedulerTrajectory);
