package au.ausjobs.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an event payload's CloudEvents type (au.ausjobs.&lt;aggregate&gt;.&lt;past-tense&gt;.v&lt;n&gt;) and its topic. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();

    String topic();
}
