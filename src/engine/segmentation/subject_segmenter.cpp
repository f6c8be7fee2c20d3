// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/segmentation/subject_segmenter.h"

#include "core/error.h"
#include "engine/segmentation/subject_input.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>

namespace atelier::engine {

struct SubjectSegmenter::Impl {
    std::string path;
    cv::dnn::Net net;
};

namespace {

constexpr const char* kRole = "ISNet model";

cv::dnn::Net readModel(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw fileError(kRole, path,
                        "does not exist; prepare it with `bash packaging/fetch-models.sh` (part of packaging/setup.sh)");
    }
    cv::dnn::Net net;
    try {
        net = cv::dnn::readNetFromONNX(path);
    } catch (const cv::Exception& e) {
        throw fileError(kRole, path, "is not a readable ONNX model (OpenCV: " + std::string(e.err) + ")");
    }
    if (net.empty()) throw fileError(kRole, path, "holds no network");
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    return net;
}

} // namespace

SubjectSegmenter::SubjectSegmenter(const std::string& modelPath) : m_impl(std::make_unique<Impl>()) {
    m_impl->path = modelPath;
    m_impl->net = readModel(modelPath);
}

SubjectSegmenter::~SubjectSegmenter() = default;
SubjectSegmenter::SubjectSegmenter(SubjectSegmenter&&) noexcept = default;
SubjectSegmenter& SubjectSegmenter::operator=(SubjectSegmenter&&) noexcept = default;

const std::string& SubjectSegmenter::modelPath() const { return m_impl->path; }

MaskA8 SubjectSegmenter::segment(const ImageRGBA8& image, const SubjectOptions& options) {
    if (image.isEmpty()) throw Error("select subject: the image is empty");
    const cv::Mat blob = subjectInputBlob(image, kInputSide); // [1, 3, 1024, 1024]
    cv::Mat out;
    try {
        m_impl->net.setInput(blob, "input");
        out = m_impl->net.forward("output");
    } catch (const cv::Exception& e) {
        throw fileError(kRole, m_impl->path, "inference failed (OpenCV: " + std::string(e.err) + ")");
    }
    if (out.dims != 4 || out.size[0] != 1 || out.size[1] != 1 || out.size[2] != kInputSide ||
        out.size[3] != kInputSide || out.type() != CV_32F) {
        throw fileError(kRole, m_impl->path, "output is not [1, 1, 1024, 1024] float probabilities");
    }
    const cv::Mat probability(kInputSide, kInputSide, CV_32F, out.ptr<float>()); // [1024, 1024], 0..1
    return subjectMaskFromProbabilities(probability, image.size(), options);
}

} // namespace atelier::engine
