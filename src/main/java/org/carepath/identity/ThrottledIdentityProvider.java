package org.carepath.identity;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's identity provider with {@link SignInThrottle} in place of its permanent lock (ENGINE-27002
 * after ten wrong passwords, which let anyone lock any account, admin's too, without signing in).
 * Every password check passes here, whichever way it came (HTTP Basic, the web apps' login,
 * {@code identity/verify}): while the throttle refuses, the password is not even compared.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final SignInThrottle throttle;

    ThrottledIdentityProvider(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        var address = SignInThrottle.CLIENT_ADDRESS.get();
        var wait = throttle.refusal(userId, address);
        if (wait.isPresent()) {
            throttle.refused(userId, address, wait.get());
            return false;
        }
        boolean right = super.checkPassword(userId, password);
        if (right) {
            throttle.succeeded(userId);
        } else {
            throttle.failed(userId, address);
        }
        return right;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
        // never: the throttle delays, it does not lock
    }

    static SessionFactory factory(SignInThrottle throttle) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle);
            }
        };
    }
}
