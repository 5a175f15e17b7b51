package agora.social;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the application prepares on the test's own thread (where MockMvc runs the
 * request), to prove a request's query count is constant. Background work (search polling, email delivery,
 * event listeners) runs on other threads and is not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounter implements BeanPostProcessor {

    static final AtomicInteger STATEMENTS = new AtomicInteger();
    static volatile Thread counted = Thread.currentThread();

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    var result = invoke(method, dataSource, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    var preparing = method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement") || method.getName().equals("prepareCall");
                    if (preparing && Thread.currentThread() == counted) {
                        STATEMENTS.incrementAndGet();
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
