/**
 * The NCP API client for CDSS (managed Kafka) and SES (managed OpenSearch): {@link io.ncprollout.ncp.NcpSigner}
 * signs requests, {@code CdssClient} and {@code SesClient} call the endpoints through one error-mapping chokepoint.
 */
@NullMarked
package io.ncprollout.ncp;

import org.jspecify.annotations.NullMarked;
