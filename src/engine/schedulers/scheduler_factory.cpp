// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/scheduler_factory.h"

#include "core/error.h"
#include "engine/schedulers/ddim_scheduler.h"
#include "engine/schedulers/dpm_solver_multistep_scheduler.h"
#include "engine/schedulers/euler_scheduler.h"
#include "engine/schedulers/lcm_scheduler.h"
#include "engine/schedulers/pndm_scheduler.h"

namespace atelier::engine {

std::vector<std::string> schedulerNames() {
    return {"ddim", "euler", "euler_karras", "euler_a", "dpmpp_2m", "dpmpp_2m_karras", "lcm", "pndm"};
}

std::unique_ptr<Scheduler> makeScheduler(const std::string& name, const SchedulerConfig& config) {
    SchedulerConfig c = config;
    if (name == "ddim") return std::make_unique<DDIMScheduler>(c);
    if (name == "euler" || name == "euler_karras") {
        if (name == "euler_karras") c.useKarrasSigmas = true;
        return std::make_unique<EulerScheduler>(c);
    }
    if (name == "euler_a") return std::make_unique<EulerAncestralScheduler>(c);
    if (name == "dpmpp_2m" || name == "dpmpp_2m_karras") {
        if (name == "dpmpp_2m_karras") c.useKarrasSigmas = true;
        c.solverOrder = 2;
        return std::make_unique<DPMSolverMultistepScheduler>(c);
    }
    if (name == "lcm") return std::make_unique<LCMScheduler>(c);
    if (name == "pndm") return std::make_unique<PNDMScheduler>(c);

    std::string known;
    for (const std::string& n : schedulerNames()) known += (known.empty() ? "" : ", ") + n;
    throw Error("unknown scheduler '" + name + "' (known: " + known + ")").withContext("scheduler");
}

std::string schedulerNameForDiffusersClass(const std::string& className) {
    if (className == "DDIMScheduler") return "ddim";
    if (className == "EulerDiscreteScheduler") return "euler";
    if (className == "EulerAncestralDiscreteScheduler") return "euler_a";
    if (className == "DPMSolverMultistepScheduler") return "dpmpp_2m";
    if (className == "LCMScheduler") return "lcm";
    if (className == "PNDMScheduler") return "pndm";
    throw Error("diffusers scheduler class '" + className + "' is not implemented").withContext("scheduler");
}

} // namespace atelier::engine
