// SPDX-License-Identifier: GPL-3.0-or-later
// Scheduler behaviour beyond the golden runs: training tables, the factory,
// configs, img2img schedules, noise sources and error handling.
#include "core/error.h"
#include "engine/schedulers/dpm_solver_multistep_scheduler.h"
#include "engine/schedulers/noise_schedule.h"
#include "scheduler_golden.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::engine;
using atelier::test::goldenTensor;
using atelier::test::schedulersGolden;

namespace {

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

torch::Tensor latent(double value = 0.5) { return torch::full({1, 4, 4, 4}, value); }

} // namespace

TEST(SchedulerTables, BetasAndAlphasCumprodMatchDiffusers) {
    ASSERT_FALSE(schedulersGolden().is_null());
    const SchedulerConfig config = SchedulerConfig::fromJson(schedulersGolden()["base_config"].dump());
    const std::vector<float> betas = schedule::trainBetas(config);
    const std::vector<float> alphasCumprod = schedule::trainAlphasCumprod(config);
    const std::vector<double> refBetas = schedulersGolden()["betas"].get<std::vector<double>>();
    const std::vector<double> refAc = schedulersGolden()["alphas_cumprod"].get<std::vector<double>>();
    ASSERT_EQ(betas.size(), refBetas.size());
    ASSERT_EQ(alphasCumprod.size(), refAc.size());
    for (std::size_t i = 0; i < betas.size(); ++i) {
        EXPECT_FLOAT_EQ(betas[i], static_cast<float>(refBetas[i])) << i;
        EXPECT_FLOAT_EQ(alphasCumprod[i], static_cast<float>(refAc[i])) << i;
    }
}

TEST(SchedulerTables, NumpyHelpers) {
    EXPECT_EQ(schedule::linspace(0, 999, 4), (std::vector<double>{0, 333, 666, 999}));
    EXPECT_EQ(schedule::linspace(0, 50, 4, false), (std::vector<double>{0, 12.5, 25, 37.5}));
    EXPECT_EQ(schedule::arange(1000, 0, -250), (std::vector<double>{1000, 750, 500, 250}));
    EXPECT_EQ(schedule::roundHalfEven(62.5), 62.0);
    EXPECT_EQ(schedule::roundHalfEven(63.5), 64.0);
    const std::vector<float> table{1.0f, 3.0f, 7.0f};
    EXPECT_DOUBLE_EQ(schedule::interpAtIndex(0.25, table), 1.5);
    EXPECT_DOUBLE_EQ(schedule::interpAtIndex(2.0, table), 7.0);
    EXPECT_DOUBLE_EQ(schedule::interpAtIndex(-1.0, table), 1.0);
    const std::vector<double> karras = schedule::karrasSigmas(0.1, 10.0, 5);
    EXPECT_NEAR(karras.front(), 10.0, 1e-12);
    EXPECT_NEAR(karras.back(), 0.1, 1e-12);
    EXPECT_THROW(schedule::spacedTimesteps(TimestepSpacing::Leading, 1000, 0, 1), Error);
    EXPECT_THROW(schedule::spacedTimesteps(TimestepSpacing::Leading, 1000, 1001, 1), Error);
}

TEST(SchedulerFactory, BuildsEveryName) {
    for (const std::string& name : schedulerNames()) {
        std::unique_ptr<Scheduler> s = makeScheduler(name);
        EXPECT_EQ(s->name(), name);
        s->setTimesteps(4);
        EXPECT_FALSE(s->timesteps().empty());
        const SchedulerStepOutput out = s->step(latent(0.1), 0, latent(), StepNoise::fixed(latent(0.0)));
        EXPECT_EQ(out.prevSample.sizes(), latent().sizes());
        EXPECT_TRUE(torch::isfinite(out.prevSample).all().item<bool>()) << name;
    }
}

TEST(SchedulerFactory, UnknownNamesAndClasses) {
    const std::string message = errorOf([] { makeScheduler("heun"); });
    EXPECT_NE(message.find("unknown scheduler 'heun'"), std::string::npos) << message;
    EXPECT_NE(message.find("dpmpp_2m_karras"), std::string::npos) << message;
    EXPECT_EQ(schedulerNameForDiffusersClass("EulerAncestralDiscreteScheduler"), "euler_a");
    EXPECT_THROW(schedulerNameForDiffusersClass("HeunDiscreteScheduler"), Error);
}

TEST(SchedulerConfigJson, ReadsDiffusersKeys) {
    const SchedulerConfig c = SchedulerConfig::fromJson(
        R"({"_class_name": "DDIMScheduler", "beta_start": 0.001, "prediction_type": "v_prediction",
            "timestep_spacing": "trailing", "set_alpha_to_one": true, "steps_offset": 0, "eta": 0.5,
            "use_karras_sigmas": true, "sigma_min": null, "trained_betas": null, "unknown_key": [1, 2]})");
    EXPECT_DOUBLE_EQ(c.betaStart, 0.001);
    EXPECT_EQ(c.predictionType, PredictionType::VPrediction);
    ASSERT_TRUE(c.timestepSpacing.has_value());
    EXPECT_EQ(*c.timestepSpacing, TimestepSpacing::Trailing);
    EXPECT_TRUE(c.setAlphaToOne);
    EXPECT_EQ(c.stepsOffset, 0);
    EXPECT_DOUBLE_EQ(c.eta, 0.5);
    EXPECT_TRUE(c.useKarrasSigmas);
    EXPECT_FALSE(c.sigmaMin.has_value());
}

TEST(SchedulerConfigJson, RejectsWhatIsNotImplemented) {
    EXPECT_NE(errorOf([] { SchedulerConfig::fromJson(R"({"thresholding": true})"); }).find("thresholding"),
              std::string::npos);
    EXPECT_NE(errorOf([] { SchedulerConfig::fromJson(R"({"prediction_type": "sample"})"); }).find("sample"),
              std::string::npos);
    EXPECT_NE(errorOf([] { SchedulerConfig::fromJson(R"({"algorithm_type": "sde-dpmsolver++"})"); }).find("algorithm_type"),
              std::string::npos);
    EXPECT_NE(errorOf([] { SchedulerConfig::fromJson(R"({"beta_start": "small"})"); }).find("beta_start"),
              std::string::npos);
    EXPECT_NE(errorOf([] { SchedulerConfig::fromJson("{not json"); }).find("scheduler config"), std::string::npos);
    SchedulerConfig prk;
    prk.skipPrkSteps = false;
    EXPECT_THROW(makeScheduler("pndm", prk), Error);
    SchedulerConfig third;
    third.solverOrder = 3;
    EXPECT_THROW(DPMSolverMultistepScheduler{third}, Error);
}

TEST(SchedulerSteps, MisuseIsAnError) {
    std::unique_ptr<Scheduler> s = makeScheduler("euler");
    EXPECT_NE(errorOf([&] { s->step(latent(), 0, latent()); }).find("before setTimesteps"), std::string::npos);
    s->setTimesteps(4);
    EXPECT_NE(errorOf([&] { s->step(latent(), 4, latent()); }).find("outside"), std::string::npos);
    EXPECT_THROW(s->scaleModelInput(latent(), -1), Error);
    EXPECT_THROW(s->addNoise(latent(), latent(), 123.0), Error);
    std::unique_ptr<Scheduler> lcm = makeScheduler("lcm");
    EXPECT_THROW(lcm->setTimesteps(51), Error); // more than original_inference_steps
    std::unique_ptr<Scheduler> a = makeScheduler("euler_a");
    a->setTimesteps(4);
    EXPECT_THROW(a->step(latent(), 0, latent(), StepNoise::fixed(torch::zeros({1, 4, 2, 2}))), Error);
}

TEST(SchedulerImg2Img, StrengthSelectsTheTail) {
    std::unique_ptr<Scheduler> s = makeScheduler("ddim");
    s->setTimesteps(20);
    const Img2ImgSchedule full = s->img2imgSchedule(1.0);
    EXPECT_EQ(full.tStart, 0);
    EXPECT_EQ(full.timesteps, s->timesteps());
    const Img2ImgSchedule half = s->img2imgSchedule(0.5);
    EXPECT_EQ(half.tStart, 10);
    EXPECT_EQ(half.timesteps.size(), 10u);
    EXPECT_EQ(half.firstStepIndex, 10);
    EXPECT_EQ(half.latentTimestep, s->timesteps()[10]);
    EXPECT_THROW(s->img2imgSchedule(0.01), Error); // int(20 * 0.01) = 0 steps
    EXPECT_THROW(s->img2imgSchedule(1.5), Error);
}

TEST(SchedulerImg2Img, RepeatedTimestepStartsAtItsSecondOccurrence) {
    // PNDM repeats its second timestep; diffusers' step-index rule would pick the
    // second occurrence, but PNDM counts steps itself, so the plan starts at the position.
    std::unique_ptr<Scheduler> pndm = makeScheduler("pndm");
    pndm->setTimesteps(20);
    const Img2ImgSchedule plan = pndm->img2imgSchedule(0.95); // t_start = 1 -> timesteps()[1] = 901
    EXPECT_EQ(plan.timesteps.front(), 901.0);
    EXPECT_EQ(plan.firstStepIndex, 1);
}

TEST(SchedulerNoise, GeneratorIsReproducible) {
    auto run = [](uint64_t seed) {
        std::unique_ptr<Scheduler> s = makeScheduler("euler_a");
        s->setTimesteps(4);
        torch::Tensor x = latent() * s->initNoiseSigma();
        const StepNoise noise = StepNoise::fromGenerator(at::detail::createCPUGenerator(seed));
        for (int i = 0; i < 4; ++i) x = s->step(latent(0.1), i, x, noise).prevSample;
        return x;
    };
    EXPECT_TRUE(torch::equal(run(7), run(7)));
    EXPECT_FALSE(torch::equal(run(7), run(8)));
}

TEST(SchedulerNoise, DeterministicSchedulersIgnoreNoise) {
    for (const char* name : {"ddim", "euler", "dpmpp_2m", "pndm"}) {
        std::unique_ptr<Scheduler> a = makeScheduler(name);
        std::unique_ptr<Scheduler> b = makeScheduler(name);
        a->setTimesteps(4);
        b->setTimesteps(4);
        const torch::Tensor x1 = a->step(latent(0.1), 0, latent(), StepNoise::fixed(latent(3.0))).prevSample;
        const torch::Tensor x2 = b->step(latent(0.1), 0, latent(), StepNoise::fixed(latent(-3.0))).prevSample;
        EXPECT_TRUE(torch::equal(x1, x2)) << name;
    }
}

TEST(SchedulerNoise, DdimEtaAddsNoise) {
    SchedulerConfig c;
    c.eta = 1.0;
    std::unique_ptr<Scheduler> s = makeScheduler("ddim", c);
    s->setTimesteps(4);
    const torch::Tensor x1 = s->step(latent(0.1), 0, latent(), StepNoise::fixed(latent(3.0))).prevSample;
    const torch::Tensor x2 = s->step(latent(0.1), 0, latent(), StepNoise::fixed(latent(-3.0))).prevSample;
    EXPECT_FALSE(torch::equal(x1, x2));
}
