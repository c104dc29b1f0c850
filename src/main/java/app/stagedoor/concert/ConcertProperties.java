package app.stagedoor.concert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param demo the demo concert of a first start */
@ConfigurationProperties(prefix = "stagedoor.concert", ignoreUnknownFields = false)
record ConcertProperties(@DefaultValue Demo demo) {

    /**
     * @param enabled create one published demo concert on the first start of an empty catalogue;
     *     the {@code mysql} profile turns it off
     */
    record Demo(@DefaultValue("true") boolean enabled) {}
}
