/**
 * Records for the CDSS and SES responses, shaped as ncp-api.md §4–§5 documents them; {@code CdssClient}
 * and {@code SesClient} return them and nothing outside {@code ncp} should need them once a gateway
 * maps them to rollout types.
 *
 * <p>Deliberately <b>not</b> {@code @NullMarked}: NCP omits fields freely (several response tables
 * could not even be read in full), so every scalar component is a boxed, nullable value and status
 * fields stay {@code String} so unknown values pass through verbatim. The one guarantee is that list
 * components are never null: compact constructors replace a missing list with {@code List.of()}.
 */
package io.ncprollout.ncp.dto;
