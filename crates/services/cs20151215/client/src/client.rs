// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_core::client! {
    /// The client of Alibaba Cloud CS (2015-12-15): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
    ///
    /// Cheap to clone: clones share the configuration, the credentials cache and the connection pool.
    #[endpoints(crate::endpoints::ENDPOINTS)]
    pub struct Client;
}

impl Client {
    /// Deletes the orchestration templates that you no longer need.
    ///
    /// Action `DeleteTemplate` of API version `2015-12-15`, sent with HTTP DELETE to `/templates/{TemplateId}`.
    /// It changes state (`operationType: readAndWrite`), so it is retried only when the request never left the client.
    /// Fails with [`DeleteTemplateError`](crate::operation::delete_template::DeleteTemplateError); the documented error codes are [`DeleteTemplateErrorCode`](crate::operation::delete_template::DeleteTemplateErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_cs20151215::Client::from_env().await?;
    /// let response = client
    ///     .delete_template()
    ///     .template_id("20663627-81ee-4cfe-9b69-c96fcb84a674")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete_template(
        &self,
    ) -> crate::operation::delete_template::DeleteTemplateFluentBuilder {
        self.runtime.clone().into()
    }

    /// You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.
    ///
    /// Action `DescribeClusterDetail` of API version `2015-12-15`, sent with HTTP GET to `/clusters/{ClusterId}`.
    /// It only reads (`operationType: read`), so failed attempts are retried automatically.
    /// Fails with [`DescribeClusterDetailError`](crate::operation::describe_cluster_detail::DescribeClusterDetailError); the documented error codes are [`DescribeClusterDetailErrorCode`](crate::operation::describe_cluster_detail::DescribeClusterDetailErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_cs20151215::Client::from_env().await?;
    /// let response = client
    ///     .describe_cluster_detail()
    ///     .cluster_id("cdde1f21ae22e483ebcb068a6eb7f****")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn describe_cluster_detail(
        &self,
    ) -> crate::operation::describe_cluster_detail::DescribeClusterDetailFluentBuilder {
        self.runtime.clone().into()
    }

    /// Queries the cluster log to help analyze cluster issues and locate the cause.
    ///
    /// Action `DescribeClusterLogs` of API version `2015-12-15`, sent with HTTP GET to `/clusters/{ClusterId}/logs`.
    /// It only reads (`operationType: read`), so failed attempts are retried automatically.
    /// Fails with [`DescribeClusterLogsError`](crate::operation::describe_cluster_logs::DescribeClusterLogsError); the documented error codes are [`DescribeClusterLogsErrorCode`](crate::operation::describe_cluster_logs::DescribeClusterLogsErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_cs20151215::Client::from_env().await?;
    /// let response = client
    ///     .describe_cluster_logs()
    ///     .cluster_id("c106f377e16f34eb1808d6b9362c9****")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn describe_cluster_logs(
        &self,
    ) -> crate::operation::describe_cluster_logs::DescribeClusterLogsFluentBuilder {
        self.runtime.clone().into()
    }

    /// Scales out a node pool.
    ///
    /// Action `ScaleClusterNodePool` of API version `2015-12-15`, sent with HTTP POST to `/clusters/{ClusterId}/nodepools/{NodepoolId}`.
    /// It changes state (`operationType: write`), so it is retried only when the request never left the client.
    /// Fails with [`ScaleClusterNodePoolError`](crate::operation::scale_cluster_node_pool::ScaleClusterNodePoolError); the documented error codes are [`ScaleClusterNodePoolErrorCode`](crate::operation::scale_cluster_node_pool::ScaleClusterNodePoolErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_cs20151215::Client::from_env().await?;
    /// let response = client
    ///     .scale_cluster_node_pool()
    ///     .cluster_id("c23421cfa74454bc8b37163fd19af****")
    ///     .nodepool_id("np31da1b38983f4511b490fc62108a****")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn scale_cluster_node_pool(
        &self,
    ) -> crate::operation::scale_cluster_node_pool::ScaleClusterNodePoolFluentBuilder {
        self.runtime.clone().into()
    }
}
