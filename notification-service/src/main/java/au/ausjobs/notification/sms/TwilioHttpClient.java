package au.ausjobs.notification.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's {@link NetworkHttpClient} with our timeouts, one attempt per call, and optionally another base URL.
 * <ul>
 * <li><b>Timeouts</b>: connect and read as configured. NetworkHttpClient puts the SDK's own defaults (30 s) on every
 * request it builds, so a first request interceptor sets ours back before the connection is made.</li>
 * <li><b>One attempt</b>: the SDK retries a 5xx three times at once; creating a Message is not idempotent, and our
 * queue retries with back-off, so each call makes exactly one request.</li>
 * <li><b>Base URL</b> ({@code ausjobs.notifications.sms.api-base-url}): each request is rebuilt with the configured
 * scheme, host, port (and path prefix) in front of its own path, with the same method, parameters, headers and
 * credentials. Used by tests (WireMock) and for an egress proxy; unset, requests go to api.twilio.com.</li>
 * </ul>
 */
class TwilioHttpClient extends NetworkHttpClient {

    private final URI baseUrl;
    private final RequestConfig requestConfig;

    TwilioHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this(baseUrl, requestConfig(connectTimeout, readTimeout), connectTimeout, readTimeout);
    }

    private TwilioHttpClient(URI baseUrl, RequestConfig requestConfig, Duration connectTimeout, Duration readTimeout) {
        super(builder(requestConfig, connectTimeout, readTimeout));
        this.baseUrl = baseUrl;
        this.requestConfig = requestConfig;
    }

    private static RequestConfig requestConfig(Duration connectTimeout, Duration readTimeout) {
        return RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(connectTimeout))
            .setResponseTimeout(Timeout.of(readTimeout))
            .build();
    }

    private static HttpClientBuilder builder(RequestConfig requestConfig, Duration connectTimeout, Duration readTimeout) {
        ConnectionConfig connection = ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .build();
        return HttpClientBuilder.create()
            .useSystemProperties()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connection).setMaxConnPerRoute(20).setMaxConnTotal(40).build())
            .setDefaultRequestConfig(requestConfig)
            // NetworkHttpClient.makeRequest sets HttpClient.DEFAULT_REQUEST_CONFIG (connect 30.5 s) on each request;
            // interceptors run before the connection is opened, so ours wins.
            .addRequestInterceptorFirst((request, entity, context) -> HttpClientContext.castOrCreate(context)
                .setRequestConfig(requestConfig))
            .disableAutomaticRetries();
    }

    RequestConfig requestConfig() {
        return requestConfig;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** One attempt: no immediate retry of 5xx answers (see the class comment). */
    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, new int[0], 1, 0);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(baseUrl == null ? request : rebased(request, baseUrl));
    }

    /** The same request, sent to {@code base} + the request's own path. */
    static Request rebased(Request request, URI base) {
        URI original = URI.create(request.getUrl());
        String prefix = base.getRawPath() == null || base.getRawPath().equals("/") ? ""
            : base.getRawPath().replaceAll("/+$", "");
        String url = base.getScheme() + "://" + base.getRawAuthority() + prefix + original.getRawPath()
            + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
        Request copy = new Request(request.getMethod(), url);
        copyParams(request.getQueryParams(), copy::addQueryParam);
        copyParams(request.getPostParams(), copy::addPostParam);
        copyParams(request.getHeaderParams(), copy::addHeaderParam);
        if (!request.getFormParameters().isEmpty()) {
            copy.setFormParameters(request.getFormParameters());
        }
        copy.setContentType(request.getContentType());
        copy.setBody(request.getBody());
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        if (request.getUsername() != null && request.getPassword() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        else if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        }
        return copy;
    }

    private static void copyParams(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        if (params == null) {
            return;
        }
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
