package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A search engine version SES offers ({@code GET /cluster/getSearchEngineVersionList}, ncp-api.md
 * §5.4), e.g. code {@code "2180"}; {@code type} names the engine (OpenSearch, Elasticsearch).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchEngineVersion(
        String searchEngineVersionCode, String searchEngineVersionName, String searchEngineDashboardVersionName,
        String type) {}
