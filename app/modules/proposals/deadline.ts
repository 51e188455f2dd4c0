// 截止时间只按服务器时间判断：t <= 截止时间即按时，晚一秒即拒绝。
// Deadlines are judged by server time only: on time while t <= deadline; one second later is refused.
// Pure and clock-free so tests can pass any instant (the commands take an injectable `now`).

export function isOnTime(at: Date, deadline: Date): boolean {
  return at.getTime() <= deadline.getTime();
}

/** 截止已过（严格晚于截止时间）。 The deadline has passed (strictly after it). */
export function deadlinePassed(deadline: Date | string, now: Date): boolean {
  return !isOnTime(now, new Date(deadline));
}
