package app.stagedoor.queue;

/** The organiser's settings form; a bean, so a mistyped field leaves the others as typed. */
public class SettingsForm {

    private Integer admitCount;
    private Integer admitIntervalSeconds;
    private Integer maxActive;
    private Integer activeSeconds;
    private Integer holdSeconds;
    private Integer preQueueMinutes;
    private boolean paused;

    static SettingsForm of(QueueSettings settings) {
        var form = new SettingsForm();
        form.admitCount = settings.admitCount();
        form.admitIntervalSeconds = settings.admitIntervalSeconds();
        form.maxActive = settings.maxActive();
        form.activeSeconds = settings.activeSeconds();
        form.holdSeconds = settings.holdSeconds();
        form.preQueueMinutes = settings.preQueueMinutes();
        form.paused = settings.paused();
        return form;
    }

    QueueSettings toSettings() {
        return new QueueSettings(
                admitCount, admitIntervalSeconds, maxActive, activeSeconds, holdSeconds, preQueueMinutes, paused);
    }

    public Integer getAdmitCount() {
        return admitCount;
    }

    public void setAdmitCount(Integer admitCount) {
        this.admitCount = admitCount;
    }

    public Integer getAdmitIntervalSeconds() {
        return admitIntervalSeconds;
    }

    public void setAdmitIntervalSeconds(Integer admitIntervalSeconds) {
        this.admitIntervalSeconds = admitIntervalSeconds;
    }

    public Integer getMaxActive() {
        return maxActive;
    }

    public void setMaxActive(Integer maxActive) {
        this.maxActive = maxActive;
    }

    public Integer getActiveSeconds() {
        return activeSeconds;
    }

    public void setActiveSeconds(Integer activeSeconds) {
        this.activeSeconds = activeSeconds;
    }

    public Integer getHoldSeconds() {
        return holdSeconds;
    }

    public void setHoldSeconds(Integer holdSeconds) {
        this.holdSeconds = holdSeconds;
    }

    public Integer getPreQueueMinutes() {
        return preQueueMinutes;
    }

    public void setPreQueueMinutes(Integer preQueueMinutes) {
        this.preQueueMinutes = preQueueMinutes;
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }
}
