package org.carepath.identity;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
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
    private final RememberedSignIns remembered;

    ThrottledIdentityProvider(SignInThrottle throttle, RememberedSignIns remembered) {
        this.throttle = throttle;
        this.remembered = remembered;
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
    public IdentityOperationResult saveUser(User user) {
        return changed(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        return changed(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
        return changed(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        return changed(super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        return changed(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        return changed(super.deleteMembership(userId, groupId));
    }

    /** A user, group or membership changed: the sign-ins remembered are forgotten now and once it is committed. */
    private IdentityOperationResult changed(IdentityOperationResult result) {
        remembered.forgetAll();
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> remembered.forgetAll());
        return result;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
        // never: the throttle delays, it does not lock
    }

    static SessionFactory factory(SignInThrottle throttle, RememberedSignIns remembered) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle, remembered);
            }
        };
    }
}
