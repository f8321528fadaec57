package au.ausjobs.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import au.ausjobs.platform.web.testapp.WebTestApplication;

/** One shared context for the web-convention tests: a real Tomcat on a random loopback port plus MockMvc. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = { "server.address=127.0.0.1", "ausjobs.web.max-body-size=1KB" })
@AutoConfigureMockMvc
@interface WebConventionsTest {
}
